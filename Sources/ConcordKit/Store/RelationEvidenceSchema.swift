/// Where a relation comes from: `source` says whether extraction found it in the text
/// (`extracted`) or a person stated or confirmed it (`edited`), and `evidence` holds the
/// sentence of its paragraph that states it. Both are synced like the other columns of
/// `relations`; relations added by hand before (no paragraph) become `edited`.
enum RelationEvidenceSchema {
    static let migrationName = "v15: relations carry their evidence sentence and whether they were extracted or edited"

    static let sql = """
        ALTER TABLE relations ADD COLUMN source TEXT NOT NULL DEFAULT 'extracted' CHECK (source IN ('extracted', 'edited'));
        ALTER TABLE relations ADD COLUMN evidence TEXT;
        UPDATE relations SET source = 'edited' WHERE paragraph_id IS NULL;
        """
}
