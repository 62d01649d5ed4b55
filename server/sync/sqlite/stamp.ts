/** DateTime as Prisma writes it in SQLite, so Prisma reads these rows back as it reads its own. */
export const stamp = (date: Date) => date.toISOString().replace('Z', '+00:00');
