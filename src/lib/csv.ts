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

/**
 * Reads CSV text as rows of cells (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks;
 * CRLF or LF line ends; a byte-order mark and blank lines ignored). Each row carries its line number in the
 * file, for messages that name it.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
	const rows: { line: number; cells: string[] }[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	const source = text.replace(/^\uFEFF/, '');
	const endRow = () => {
		cells.push(cell);
		if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
		cells = [];
		cell = '';
	};
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (quoted) {
			if (c === '"' && source[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else {
				if (c === '\n') line++;
				cell += c;
			}
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === ',') {
			cells.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && source[i + 1] === '\n') i++;
			endRow();
			line++;
			rowLine = line;
		} else cell += c;
	}
	if (cell !== '' || cells.length) endRow();
	return rows;
}
