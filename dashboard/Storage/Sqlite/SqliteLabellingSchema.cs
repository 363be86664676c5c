namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>
/// The DDL of migrations 5 and 6 (accounts; labels, the label queue and training runs), kept
/// beside <see cref="SqliteMigrations"/> so that list stays readable. Never edit a released
/// migration: add a new one.
/// </summary>
internal static class SqliteLabellingSchema
{
    /// <summary>p(top class) − p(second class) of a score row, from its three probabilities.</summary>
    private const string NewMargin = "max(NEW.p_favor, NEW.p_against, NEW.p_none) - (NEW.p_favor + NEW.p_against + NEW.p_none - max(NEW.p_favor, NEW.p_against, NEW.p_none) - min(NEW.p_favor, NEW.p_against, NEW.p_none))";

    private const string RowMargin = "max(s.p_favor, s.p_against, s.p_none) - (s.p_favor + s.p_against + s.p_none - max(s.p_favor, s.p_against, s.p_none) - min(s.p_favor, s.p_against, s.p_none))";

    /// <summary>A uniform draw from [0, 1,000,000): a piece's fixed place in the evaluation slice and the double-annotation share.</summary>
    private const string Draw = "abs(random() % 1000000)";

    public const string Accounts = """
        CREATE TABLE users (
            id                    INTEGER PRIMARY KEY,
            name                  TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role                  TEXT NOT NULL CHECK (role IN ('admin', 'annotator')),
            password_hash         TEXT NOT NULL,
            security_stamp        TEXT NOT NULL,
            disabled              INTEGER NOT NULL DEFAULT 0,
            failed_attempts       INTEGER NOT NULL DEFAULT 0,
            locked_until_utc      TEXT,
            created_utc           TEXT NOT NULL,
            password_changed_utc  TEXT NOT NULL,
            last_sign_in_utc      TEXT
        );
        """;

    // The labels table of migration 1 was never written by any release (no code inserted into
    // it), so it is replaced rather than converted.
    public const string Labels = $"""
        DROP TABLE labels;
        CREATE TABLE label_units (
            id           INTEGER PRIMARY KEY,
            piece_id     INTEGER UNIQUE REFERENCES pieces(id) ON DELETE SET NULL,
            text_hash    TEXT NOT NULL UNIQUE,
            text         TEXT NOT NULL,
            title        TEXT,
            authors      TEXT,
            outlet       TEXT,
            published    TEXT,
            split        TEXT NOT NULL CHECK (split IN ('train', 'holdout')),
            created_utc  TEXT NOT NULL
        );
        CREATE TABLE labels (
            id             INTEGER PRIMARY KEY,
            unit_id        INTEGER NOT NULL REFERENCES label_units(id),
            target         TEXT NOT NULL COLLATE NOCASE,
            stance         TEXT NOT NULL CHECK (stance IN ('favor', 'against', 'none')),
            annotator      TEXT NOT NULL COLLATE NOCASE,
            origin         TEXT NOT NULL CHECK (origin IN ('queue', 'piece', 'import', 'api', 'adjudication')),
            blind          INTEGER NOT NULL DEFAULT 0,
            evidence_json  TEXT NOT NULL DEFAULT '[]',
            note           TEXT,
            created_utc    TEXT NOT NULL,
            replaces       INTEGER REFERENCES labels(id),
            is_current     INTEGER NOT NULL DEFAULT 1
        );
        CREATE UNIQUE INDEX ix_labels_current ON labels(unit_id, target, annotator) WHERE is_current = 1;
        CREATE INDEX ix_labels_unit ON labels(unit_id, annotator);
        CREATE INDEX ix_labels_annotator ON labels(annotator, id);
        CREATE TABLE label_skips (
            piece_id     INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
            annotator    TEXT NOT NULL COLLATE NOCASE,
            skipped_utc  TEXT NOT NULL,
            PRIMARY KEY (piece_id, annotator)
        ) WITHOUT ROWID;
        CREATE INDEX ix_label_skips_annotator ON label_skips(annotator, skipped_utc);
        CREATE TABLE label_pieces (
            piece_id    INTEGER PRIMARY KEY REFERENCES pieces(id) ON DELETE CASCADE,
            slice_key   INTEGER NOT NULL,
            double_key  INTEGER NOT NULL,
            annotators  INTEGER NOT NULL DEFAULT 0,
            complete    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_label_pieces_waiting ON label_pieces(piece_id) WHERE complete = 0 AND annotators > 0;
        CREATE INDEX ix_label_pieces_open ON label_pieces(piece_id) WHERE complete = 0;
        CREATE TABLE label_queue (
            piece_id   INTEGER NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
            target_id  INTEGER NOT NULL REFERENCES targets(id),
            margin     REAL NOT NULL,
            slice_key  INTEGER NOT NULL,
            PRIMARY KEY (piece_id, target_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_label_queue_margin ON label_queue(target_id, margin, slice_key);
        CREATE INDEX ix_label_queue_slice ON label_queue(slice_key, piece_id);
        CREATE TRIGGER label_queue_score_added AFTER INSERT ON scores
        WHEN NEW.p_favor IS NOT NULL AND NEW.p_against IS NOT NULL AND NEW.p_none IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM pieces WHERE id = NEW.piece_id AND (is_demo = 1 OR duplicate_of IS NOT NULL))
        BEGIN
            INSERT OR IGNORE INTO label_pieces (piece_id, slice_key, double_key) VALUES (NEW.piece_id, {Draw}, {Draw});
            INSERT OR REPLACE INTO label_queue (piece_id, target_id, margin, slice_key)
                SELECT NEW.piece_id, NEW.target_id, {NewMargin}, lp.slice_key
                FROM label_pieces lp WHERE lp.piece_id = NEW.piece_id AND lp.complete = 0;
        END;
        CREATE TRIGGER label_queue_score_removed AFTER DELETE ON scores
        BEGIN
            DELETE FROM label_queue WHERE piece_id = OLD.piece_id AND target_id = OLD.target_id;
        END;
        INSERT OR IGNORE INTO label_pieces (piece_id, slice_key, double_key)
            SELECT s.piece_id, {Draw}, {Draw} FROM scores s JOIN pieces p ON p.id = s.piece_id
            WHERE s.p_favor IS NOT NULL AND p.is_demo = 0 AND p.duplicate_of IS NULL
            GROUP BY s.piece_id;
        INSERT OR REPLACE INTO label_queue (piece_id, target_id, margin, slice_key)
            SELECT s.piece_id, s.target_id, {RowMargin}, lp.slice_key
            FROM scores s JOIN label_pieces lp ON lp.piece_id = s.piece_id
            WHERE s.p_favor IS NOT NULL AND s.p_against IS NOT NULL AND s.p_none IS NOT NULL;
        CREATE TABLE training_runs (
            id                 INTEGER PRIMARY KEY,
            started_utc        TEXT NOT NULL,
            finished_utc       TEXT,
            state              TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'cancelled')),
            requested_by       TEXT NOT NULL,
            baseline_version   TEXT,
            candidate_version  TEXT,
            decision           TEXT CHECK (decision IN ('promoted', 'discarded')),
            decided_by         TEXT,
            decided_utc        TEXT,
            result_json        TEXT,
            error              TEXT
        );
        """;
}
