import Foundation
import GRDB
import Testing
@testable import ConcordKit

/// `sql`: read-only queries for power users, on a connection that cannot write.
@Suite struct SqlCommandTests {
    let session: ExploreSession
    let path: String

    init() throws {
        let (knowledgeBase, path) = try ExploreFixture.make()
        session = ExploreSession(knowledgeBase: knowledgeBase)
        self.path = path
    }

    /// Content hash, schema, user_version, change count and the folder's files: equal means nothing changed.
    func state() throws -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix("concord.db") }.sorted()
        return try session.knowledgeBase.read { db in
            let schema = try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1
            let changes = try ChangeLog().count(in: db)
            return [try ContentHash().digest(in: db), "\(version)", "\(changes)", "\(schema.count)", schema.joined().hashValue.description,
                    files.joined(separator: ",")].joined(separator: "|")
        }
    }

    @Test func readsPrintTabSeparatedValuesWithAHeaderInAPipe() {
        let printed = session.run("sql SELECT name, place FROM entities WHERE kind = 'event' AND place IS NOT NULL ORDER BY name")
        #expect(printed.succeeded && printed.errors.isEmpty)
        #expect(printed.output == "name\tplace\n999th meeting\tGeneva\n")
        // NULL is empty; tabs and line breaks inside a value are escaped so every row stays one line.
        #expect(session.run("sql SELECT NULL AS a, 'x' || char(9) || 'y' || char(10) || 'z' AS b").output == "a\tb\n\tx\\ty\\nz\n")
    }

    @Test func theRestOfThePromptLineIsTheQueryAsTyped() {
        // Quotes and double quotes reach SQLite as typed, not as a shell would take them.
        let typed = session.run(#"sql SELECT "name" FROM entities WHERE name = 'Mr. Lewis'"#)
        #expect(typed.output == "name\nMr. Lewis\n", "\(typed.errors)")
        // One quoted word is unquoted; options come before the query.
        #expect(session.run(#"sql --limit 1 "SELECT 'a' UNION ALL SELECT 'b'""#).output == "'a'\na\n")
    }

    @Test func jsonIsOneObjectPerLineInColumnOrder() throws {
        let printed = session.run("sql --json SELECT id, name, name, 1.5 AS ratio, NULL AS missing, x'00ff' AS raw FROM entities WHERE id IN ('state:0000000000000001', 'person:0000000000000002') ORDER BY kind DESC")
        let lines = printed.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == #"{"id":"state:0000000000000001","name":"Mexico","name_2":"Mexico","ratio":1.5,"missing":null,"raw":"00ff"}"#)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(session.run("sql --json SELECT 1 WHERE 0").output == "")
    }

    @Test func aLimitCutsTheRowsAndSaysSoOnStandardError() {
        let printed = session.run("sql --limit 2 SELECT id FROM entities ORDER BY id")
        #expect(printed.succeeded)
        #expect(printed.output.split(separator: "\n").count == 3)
        #expect(printed.errors == "note: only the first 2 rows are shown; pass --limit N for more (0 for all)\n")
        let all = session.run("sql --limit 0 SELECT id FROM entities")
        #expect(all.output.split(separator: "\n").count == 12 && all.errors.isEmpty)
    }

    @Test func onATerminalRowsAreAnAlignedTableWithACount() throws {
        let output = Console.buffer(width: 80)
        let terminal = Console(isTerminal: true, usesColor: false, width: 80, sink: { output.console.write($0) })
        let result = try ReadOnlySQL(path: path).run("SELECT kind, count(*) AS n FROM entities GROUP BY kind ORDER BY kind", limit: 10)
        try SqlResultRenderer(output: terminal, errors: Console.buffer().console, json: false).render(result)
        #expect(output.text == """
            kind        n
            body        3
            event       3
            instrument  1
            person      3
            state       1
            5 rows

            """)
    }

    @Test(arguments: [
        ("INSERT INTO entities (id, kind, name) VALUES ('person:x', 'person', 'X')", "INSERT"),
        ("UPDATE entities SET name = 'X'", "UPDATE"),
        ("DELETE FROM entities", "DELETE"),
        ("REPLACE INTO entities (id, kind, name) VALUES ('person:x', 'person', 'X')", "REPLACE"),
        ("DROP TABLE entities", "DROP TABLE"),
        ("CREATE TABLE scratch (a)", "CREATE TABLE"),
        ("CREATE TEMP TABLE scratch (a)", "CREATE TABLE"),
        ("CREATE INDEX scratch ON entities (name)", "CREATE INDEX"),
        ("ALTER TABLE entities ADD COLUMN x", "ALTER"),
        ("ATTACH 'DIR/attached.db' AS other", "ATTACH"),
        ("DETACH main", "DETACH"),
        ("PRAGMA user_version = 5", "PRAGMA user_version = …"),
        ("PRAGMA query_only = 0", "PRAGMA query_only = …"),
        ("PRAGMA journal_mode = delete", "PRAGMA journal_mode = …"),
        ("VACUUM INTO 'DIR/copy.db'", "VACUUM"),
        ("VACUUM", "VACUUM"),
        ("ANALYZE", "ANALYZE"),
        ("REINDEX", "REINDEX"),
        ("BEGIN IMMEDIATE", "BEGIN"),
        ("WITH x AS (SELECT 1) INSERT INTO annotations (id) SELECT 'a' FROM x", "INSERT"),
    ])
    func writesAreRefusedAndChangeNothing(statement: String, named: String) throws {
        let before = try state()
        let folder = (path as NSString).deletingLastPathComponent
        // Files an ATTACH or VACUUM INTO would make go next to the knowledge base, where `state()` looks.
        let printed = session.run("sql " + statement.replacingOccurrences(of: "DIR/", with: folder + "/"))
        #expect(!printed.succeeded)
        #expect(printed.output.isEmpty)
        #expect(printed.errors == "error: sql is read-only: \(named) is not allowed; use the editing commands (set, link, …) to change the knowledge base\n")
        #expect(try state() == before)
        #expect(!FileManager.default.fileExists(atPath: folder + "/copy.db") && !FileManager.default.fileExists(atPath: folder + "/attached.db"))
    }

    @Test func schemaPragmasAndRecursiveQueriesAreAllowed() {
        #expect(session.run("sql PRAGMA user_version").succeeded)
        #expect(session.run("sql PRAGMA table_info(entities)").output.hasPrefix("cid\tname\ttype\tnotnull\tdflt_value\tpk\n0\tid\tTEXT"))
        #expect(session.run("sql SELECT name FROM pragma_table_info('entities') LIMIT 2").output == "name\nid\nkind\n")
        #expect(session.run("sql SELECT count(*) > 5 AS many FROM pragma_table_list").output == "many\n1\n")
        #expect(session.run("sql WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT x FROM n").output == "x\n1\n2\n3\n")
    }

    @Test func theSchemaTableStaysUnwritableThoughTableValuedPragmasAskToUpdateIt() throws {
        let before = try state()
        let printed = session.run("sql UPDATE sqlite_master SET sql = '' WHERE name = 'entities'")
        #expect(!printed.succeeded && printed.output.isEmpty)
        #expect(printed.errors == "error: sql: table sqlite_master may not be modified\n")
        #expect(try state() == before)
    }

    @Test func mistakesAreOneLineAndSaySo() {
        #expect(session.run("sql SELEC 1").errors == "error: sql: near \"SELEC\": syntax error\n")
        #expect(session.run("sql SELECT * FROM nowhere").errors == "error: sql: no such table: nowhere\n")
        #expect(session.run("sql SELECT 1; SELECT 2").errors == "error: sql runs one statement at a time; remove everything after the first ';'\n")
        #expect(session.run("sql SELECT 1; -- a comment").output == "1\n1\n")
        #expect(session.run("sql").errors.hasPrefix("error: give a query"))
        #expect(session.run("sql --limit=-1 SELECT 1").errors.hasPrefix("error: --limit -1 is not a row count"))
    }

    @Test func theCommandLineRunsItOnTheFileAndRefusesWrites() throws {
        try session.knowledgeBase.close()
        let read = try ConcordProcess.run(["sql", "--db", path, "SELECT name FROM entities WHERE id = 'state:0000000000000001'"])
        #expect(read.status == 0 && read.output == "name\nMexico\n")
        let write = try ConcordProcess.run(["sql", "--db", path, "DELETE FROM entities"])
        #expect(write.status != 0 && write.output.isEmpty)
        #expect(write.errors.contains("sql is read-only: DELETE is not allowed"))
        let count = try ConcordProcess.run(["sql", "--db", path, "SELECT count(*) AS n FROM entities"])
        #expect(count.output == "n\n11\n")
    }
}
