// How far a meeting's coding has got, in words the review page and the publish command both use.

/** The spoken contributions (the units coders code), and how many have codes from fewer than two coders. */
export interface CodingCoverage {
	contributions: number;
	notCodedByTwo: number;
}

export function uncodedMessage({ contributions, notCodedByTwo }: CodingCoverage): string {
	return (
		`${notCodedByTwo} of ${contributions} ${contributions === 1 ? 'contribution is' : 'contributions are'} ` +
		'not coded by two reviewers, so agreement on them cannot be computed yet.'
	);
}
