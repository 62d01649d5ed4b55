-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" BLOB NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'read write',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AccessToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Tokens made before scopes and expiry keep the rights they had (read write) for 90 days from this
-- migration, written in the adapter's ISO 8601 form so Prisma reads them back as dates.
INSERT INTO "new_AccessToken" ("createdAt", "id", "lastUsedAt", "name", "revokedAt", "secretHash", "userId", "scope", "expiresAt") SELECT "createdAt", "id", "lastUsedAt", "name", "revokedAt", "secretHash", "userId", 'read write', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+90 days') FROM "AccessToken";
DROP TABLE "AccessToken";
ALTER TABLE "new_AccessToken" RENAME TO "AccessToken";
CREATE INDEX "AccessToken_userId_idx" ON "AccessToken"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

