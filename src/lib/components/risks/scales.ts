// The choices of the 5×5 scales for the risk forms: "3: Possible".
import { RISK_IMPACTS, RISK_LIKELIHOODS } from '$lib/vocabulary';

const choices = (words: readonly string[]) =>
	words.map((label, at) => ({ value: String(at + 1), label: `${at + 1}: ${label}` }));

export const LIKELIHOOD_CHOICES = choices(RISK_LIKELIHOODS);
export const IMPACT_CHOICES = choices(RISK_IMPACTS);
