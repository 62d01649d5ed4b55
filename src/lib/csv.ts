// Writing CSV files that spreadsheets open safely: RFC 4180 quoting, and cells a spreadsheet would run as a
// formula neutralised. Pure, so the review's figures (src/lib/review/csv.ts) and the server's exports share it.
export type Cell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: CRLF line ends, a header row first. */
export function toCsv(header: string[], rows: Cell[][]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface CsvFile {
	name: string;
	text: string;
}
