/// Where a document came from (file format, SHA-256 of the file) and what its title page
/// says about it (body, session, meeting number, date of issue, date of the meeting,
/// language), as columns of `documents`.
///
/// The columns are synced with the rest of the row. Rows stored before this migration keep
/// NULL in them; `dated` stays the date documents are ordered by.
enum DocumentMetadataSchema {
    static let migrationName = "v14: documents keep their file format and file SHA-256, and title-page metadata"

    static let sql = """
        ALTER TABLE documents ADD COLUMN source_format TEXT;   -- txt | pdf | docx | html
        ALTER TABLE documents ADD COLUMN source_sha256 TEXT;   -- SHA-256 of the file's bytes
        ALTER TABLE documents ADD COLUMN body TEXT;            -- e.g. Committee on the Rights of the Child
        ALTER TABLE documents ADD COLUMN session TEXT;         -- e.g. Sixty-fourth session
        ALTER TABLE documents ADD COLUMN meeting_number INTEGER; -- summary records: 1845 for the 1845th meeting
        ALTER TABLE documents ADD COLUMN issue_date TEXT;      -- ISO 8601 date of issue (Distr. line)
        ALTER TABLE documents ADD COLUMN meeting_date TEXT;    -- ISO 8601 date the meeting was held
        ALTER TABLE documents ADD COLUMN language TEXT;        -- e.g. English
        """
}
