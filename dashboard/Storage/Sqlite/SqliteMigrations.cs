namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>
/// The SQLite schema, as an append-only list of migrations. Never edit a released migration:
/// add a new one. Column types and names are chosen so the PostgreSQL schema can mirror them
/// (TEXT timestamps are ISO 8601 UTC, which sort as text).
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial schema", """
            CREATE TABLE outlets (
                id            INTEGER PRIMARY KEY,
                name          TEXT NOT NULL UNIQUE COLLATE NOCASE
            );
            CREATE TABLE authors (
                id            INTEGER PRIMARY KEY,
                name          TEXT NOT NULL UNIQUE COLLATE NOCASE
            );
            CREATE TABLE sources (
                id                    INTEGER PRIMARY KEY,
                name                  TEXT NOT NULL,
                kind                  TEXT NOT NULL,
                url                   TEXT,
                poll_interval_seconds INTEGER NOT NULL DEFAULT 900,
                enabled               INTEGER NOT NULL DEFAULT 1,
                created_utc           TEXT NOT NULL,
                next_poll_utc         TEXT,
                last_success_utc      TEXT,
                last_error_utc        TEXT,
                last_error            TEXT,
                consecutive_failures  INTEGER NOT NULL DEFAULT 0,
                circuit_state         TEXT NOT NULL DEFAULT 'closed'
            );
            CREATE UNIQUE INDEX ix_sources_url ON sources(url) WHERE url IS NOT NULL;
            CREATE TABLE pieces (
                id             INTEGER PRIMARY KEY,
                title          TEXT NOT NULL,
                body           TEXT NOT NULL,
                url            TEXT,
                outlet_id      INTEGER REFERENCES outlets(id),
                published_utc  TEXT,
                language       TEXT,
                content_hash   TEXT NOT NULL UNIQUE,
                origin         TEXT,
                source_id      INTEGER REFERENCES sources(id) ON DELETE SET NULL,
                duplicate_of   INTEGER REFERENCES pieces(id) ON DELETE SET NULL,
                is_demo        INTEGER NOT NULL DEFAULT 0,
                ingested_utc   TEXT NOT NULL
            );
            CREATE UNIQUE INDEX ix_pieces_url ON pieces(url) WHERE url IS NOT NULL;
            CREATE INDEX ix_pieces_published ON pieces(published_utc);
            CREATE TABLE piece_authors (
                piece_id   INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
                author_id  INTEGER NOT NULL REFERENCES authors(id),
                position   INTEGER NOT NULL,
                PRIMARY KEY (piece_id, author_id)
            );
            CREATE INDEX ix_piece_authors_author ON piece_authors(author_id);
            CREATE TABLE targets (
                id            INTEGER PRIMARY KEY,
                name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
                aliases_json  TEXT NOT NULL DEFAULT '[]'
            );
            CREATE TABLE model_versions (
                id            INTEGER PRIMARY KEY,
                version       TEXT NOT NULL UNIQUE,
                created_utc   TEXT NOT NULL,
                data_hash     TEXT,
                metrics_json  TEXT,
                is_active     INTEGER NOT NULL DEFAULT 0,
                model         BLOB
            );
            CREATE UNIQUE INDEX ix_model_versions_active ON model_versions(is_active) WHERE is_active = 1;
            CREATE TABLE scores (
                piece_id            INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
                target_id           INTEGER NOT NULL REFERENCES targets(id),
                mentions            INTEGER NOT NULL,
                mention_spans_json  TEXT NOT NULL DEFAULT '[]',
                stance              TEXT,
                score               REAL,
                p_favor             REAL,
                p_against           REAL,
                p_none              REAL,
                evidence_json       TEXT NOT NULL DEFAULT '[]',
                model_version       TEXT,
                scored_utc          TEXT NOT NULL,
                PRIMARY KEY (piece_id, target_id)
            );
            CREATE INDEX ix_scores_target ON scores(target_id);
            CREATE TABLE labels (
                id           INTEGER PRIMARY KEY,
                piece_id     INTEGER REFERENCES pieces(id) ON DELETE SET NULL,
                text         TEXT NOT NULL,
                target       TEXT NOT NULL,
                stance       TEXT NOT NULL CHECK (stance IN ('favor', 'against', 'none')),
                annotator    TEXT,
                split        TEXT NOT NULL DEFAULT 'train' CHECK (split IN ('train', 'holdout')),
                created_utc  TEXT NOT NULL
            );
            CREATE INDEX ix_labels_piece ON labels(piece_id);
            CREATE TABLE fetch_log (
                id           INTEGER PRIMARY KEY,
                source_id    INTEGER REFERENCES sources(id) ON DELETE CASCADE,
                url          TEXT NOT NULL,
                started_utc  TEXT NOT NULL,
                status       INTEGER,
                bytes        INTEGER,
                elapsed_ms   INTEGER,
                error_kind   TEXT,
                error        TEXT
            );
            CREATE INDEX ix_fetch_log_source ON fetch_log(source_id, started_utc);
            CREATE TABLE api_keys (
                id           INTEGER PRIMARY KEY,
                name         TEXT NOT NULL,
                key_hash     TEXT NOT NULL UNIQUE,
                role         TEXT NOT NULL CHECK (role IN ('admin', 'annotator')),
                created_utc  TEXT NOT NULL
            );
            """),
        new(2, "settings", """
            CREATE TABLE settings (
                key    TEXT PRIMARY KEY,
                value  TEXT NOT NULL
            );
            """),
        new(3, "web ingestion: source details, fetch-log attempts, cache validators, SimHash fingerprints", """
            ALTER TABLE sources ADD COLUMN outlet TEXT;
            ALTER TABLE sources ADD COLUMN origin TEXT NOT NULL DEFAULT 'user';
            ALTER TABLE sources ADD COLUMN last_attempt_utc TEXT;
            ALTER TABLE sources ADD COLUMN last_error_kind TEXT;
            CREATE INDEX ix_sources_next_poll ON sources(enabled, next_poll_utc);
            ALTER TABLE fetch_log ADD COLUMN final_url TEXT;
            ALTER TABLE fetch_log ADD COLUMN attempts INTEGER;
            ALTER TABLE pieces ADD COLUMN simhash INTEGER;
            CREATE TABLE simhash_bands (
                band      INTEGER NOT NULL,
                value     INTEGER NOT NULL,
                piece_id  INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
                PRIMARY KEY (band, value, piece_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_simhash_bands_piece ON simhash_bands(piece_id);
            CREATE TABLE url_validators (
                url                TEXT PRIMARY KEY,
                etag               TEXT,
                last_modified_utc  TEXT,
                updated_utc        TEXT NOT NULL
            );
            """),
        new(4, "model versions: provenance and promotion history", """
            ALTER TABLE model_versions ADD COLUMN examples INTEGER;
            ALTER TABLE model_versions ADD COLUMN source TEXT;
            CREATE TABLE model_promotions (
                id                INTEGER PRIMARY KEY,
                model_version_id  INTEGER NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
                promoted_utc      TEXT NOT NULL,
                reason            TEXT NOT NULL
            );
            CREATE INDEX ix_model_promotions_version ON model_promotions(model_version_id);
            """),
        new(5, "local accounts for annotators and admins", SqliteLabellingSchema.Accounts),
        new(6, "labels with history, the label queue, training runs", SqliteLabellingSchema.Labels),
    ];
}
