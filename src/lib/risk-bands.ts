// The joint risk register's 5×5 scale: a risk's score is its likelihood times its impact (each 1 to 5),
// and its band follows from the score. Pure, so the pages, the API and the board pack agree.
import { RISK_BANDS, type RiskBand } from './vocabulary.ts';

/** The highest score of each band: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high. */
const BAND_TOPS: [top: number, band: RiskBand][] = [
	[4, 'LOW'],
	[9, 'MEDIUM'],
	[16, 'HIGH'],
	[25, 'VERY_HIGH']
];

export const SCALE = [1, 2, 3, 4, 5] as const;

export function riskScore(likelihood: number, impact: number): number {
	return likelihood * impact;
}

export function riskBand(score: number): RiskBand {
	return (BAND_TOPS.find(([top]) => score <= top) ?? BAND_TOPS[BAND_TOPS.length - 1])[1];
}

/** "12, high": the score and its band in words, never a colour alone. */
export function scoreInWords(score: number): string {
	return `${score}, ${RISK_BANDS[riskBand(score)].toLowerCase()}`;
}

export interface HeatMapCell<R> {
	likelihood: number;
	impact: number;
	score: number;
	band: RiskBand;
	risks: R[];
}

/**
 * The heat map's 25 cells, likelihood 5 (top row) down to 1, impact 1 to 5 across: each with the risks
 * whose current scores put them there.
 */
export function heatMap<R extends { likelihood: number; impact: number }>(
	risks: R[]
): HeatMapCell<R>[][] {
	return [...SCALE].reverse().map((likelihood) =>
		SCALE.map((impact) => {
			const score = riskScore(likelihood, impact);
			return {
				likelihood,
				impact,
				score,
				band: riskBand(score),
				risks: risks.filter((r) => r.likelihood === likelihood && r.impact === impact)
			};
		})
	);
}
