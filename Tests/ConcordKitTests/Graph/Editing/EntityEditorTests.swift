import GRDB
import Testing
@testable import ConcordKit

@Suite struct EntityEditorTests {
    @Test func addMakesARandomIDAndTheNameAnAlias() throws {
        let fixture = try EditingFixture()
        let result = fixture.run("add person \"Carla Example\"")
        #expect(result.succeeded)
        let entity = try fixture.knowledgeBase.read { db in try EntityResolver().resolve("carla example", in: db) }
        #expect(entity.kind == .person)
        #expect(entity.name == "Carla Example")
        #expect(entity.id.hasPrefix("person:") && entity.id.count == "person:".count + 16)
        #expect(result.output == "added person Carla Example (\(entity.id))\n")
        let aliases = try fixture.knowledgeBase.read { db in
            try String.fetchAll(db, sql: "SELECT alias FROM aliases WHERE entity_id = ?", arguments: [entity.id])
        }
        #expect(aliases == ["Carla Example"])
    }

    @Test func addPrintsJSONAndWarnsAboutNamesakes() throws {
        let fixture = try EditingFixture()
        let json = fixture.run("add state Examplestan --json")
        #expect(json.output.hasPrefix("{\"id\":\"state:"))
        #expect(json.output.hasSuffix("\"kind\":\"state\",\"name\":\"Examplestan\"}\n"))
        let twice = fixture.run("add person ana  example")
        #expect(twice.succeeded)
        #expect(twice.output.contains("note: also called so: Ana Example (\(fixture.ana.id))"))
    }

    @Test func addRefusesUnknownKindsAndEmptyNames() throws {
        let fixture = try EditingFixture()
        #expect(try fixture.failure("add planet Vulcan").contains("unknown kind 'planet'; kinds are body, person"))
        #expect(try fixture.failure("add person \"  \"").contains("the name is empty"))
        #expect(try fixture.failure("add person").contains("the name is empty"))
    }

    @Test func setChangesColumnsAndFreeAttributes() throws {
        let fixture = try EditingFixture()
        let result = fixture.run(
            "set \"Ana Example\" summary \"Rapporteur on examples\"",
            "set OoE place Geneva",
            "set 'ana example' role rapporteur",
            "set \(fixture.office.id) Start_Time 10:00")
        #expect(result.succeeded, "\(result.errors)")
        let ana = try #require(try fixture.stored(fixture.ana.id))
        #expect(ana.summary == "Rapporteur on examples")
        #expect(try fixture.stored(fixture.office.id)?.place == "Geneva")
        let attributes = try fixture.knowledgeBase.read { db in
            try Row.fetchAll(
                db, sql: "SELECT entity_id, name, value FROM entity_attributes WHERE entity_id IN (?, ?) ORDER BY name",
                arguments: [fixture.ana.id, fixture.office.id])
                .map { "\($0[0] as String) \($0[1] as String)=\($0[2] as String)" }
        }
        #expect(attributes == ["\(fixture.ana.id) role=rapporteur", "\(fixture.office.id) start_time=10:00"])
        #expect(result.output.contains("set place of Office of Examples (\(fixture.office.id)) to \"Geneva\"\n"))
    }

    @Test func setWithAnEmptyValueClearsAndAnUnchangedValueWritesNothing() throws {
        let fixture = try EditingFixture()
        _ = try fixture.entityEditor.set(fixture.ana.id, field: "role", value: "chair")
        _ = try fixture.entityEditor.set(fixture.ana.id, field: "place", value: "Geneva")
        let cleared = fixture.run("set \(fixture.ana.id) role \"\"", "set \(fixture.ana.id) place \"\"")
        #expect(cleared.output.contains("cleared role of Ana Example (\(fixture.ana.id)) (was \"chair\")"))
        #expect(try fixture.stored(fixture.ana.id)?.place == nil)
        let before = try fixture.contents()
        let same = fixture.run("set \(fixture.ana.id) name \"Ana Example\"")
        #expect(same.output.contains("already has name \"Ana Example\"; nothing changed"))
        #expect(try fixture.contents() == before)
    }

    @Test func renamingKeepsTheOldNameAsAnAlias() throws {
        let fixture = try EditingFixture()
        let result = fixture.run("set \"Ana Example\" name \"Ana M. Example\"")
        #expect(result.succeeded, "\(result.errors)")
        #expect(try fixture.stored(fixture.ana.id)?.name == "Ana M. Example")
        let found = try fixture.knowledgeBase.read { db in
            (try EntityResolver().resolve("Ana Example", in: db).id, try EntityResolver().resolve("ana m. example", in: db).id)
        }
        #expect(found.0 == fixture.ana.id && found.1 == fixture.ana.id)
    }

    @Test func datesMustBeISO8601() throws {
        let fixture = try EditingFixture()
        let event = try fixture.entityEditor.add(kind: "event", name: "Example consultation").entity
        for value in ["2019", "2019-04", "2019-04-02", "2019-04-02T10:00", "2019-04-02T10:00/2019-04-02T13:00", "2018/2020"] {
            let change = try fixture.entityEditor.set(event.id, field: "date", value: value)
            #expect(change.newValue == value)
            #expect(try fixture.stored(event.id)?.date == value)
        }
        let error = try fixture.failure("set \(event.id) date \"2 April 2019\"")
        #expect(error.contains("'2 April 2019' is not a date"))
        #expect(error.contains("e.g. 2019-04-02T10:00/2019-04-02T13:00"))
        #expect(try fixture.failure("set \(event.id) date 2019-02-30").contains("there is no day 30 in 2019-02"))
        #expect(try fixture.failure("set \(event.id) date 2020/2019").contains("the interval ends before it starts"))
        #expect(try fixture.stored(event.id)?.date == "2018/2020")
    }

    @Test func kindAndBookkeepingFieldsCannotBeSet() throws {
        let fixture = try EditingFixture()
        #expect(try fixture.failure("set \(fixture.ana.id) kind body").contains("the kind of \"Ana Example\" (\(fixture.ana.id)) cannot be changed"))
        #expect(try fixture.failure("set \(fixture.ana.id) merged_into \(fixture.ben.id)").contains("use merge A B"))
        #expect(try fixture.failure("set \(fixture.ana.id) \"two words\" x").contains("unknown field 'two words'"))
        #expect(try fixture.failure("set \(fixture.ana.id) name \"\"").contains("name needs a value"))
        #expect(try fixture.failure("set \(fixture.ana.id) summary").contains("give a value"))
    }

    @Test func unknownAndAmbiguousEntitiesAreClearErrors() throws {
        let fixture = try EditingFixture()
        #expect(try fixture.failure("set \"Ana Exampel\" role x").contains("did you mean Ana Example (\(fixture.ana.id))?"))
        _ = try fixture.entityEditor.add(kind: "body", name: "Ana Example")
        let ambiguous = try fixture.failure("set \"Ana Example\" role x")
        #expect(ambiguous.contains("'Ana Example' could be 2 entities"))
        #expect(ambiguous.contains("use the id"))
    }

    @Test func aliasAddsANormalizedNameOnce() throws {
        let fixture = try EditingFixture()
        let result = fixture.run("alias \"Ana Example\" \"Ms.  Exámple\"")
        #expect(result.output == "added alias \"Ms. Exámple\" to Ana Example (\(fixture.ana.id))\n")
        let rows = try fixture.knowledgeBase.read { db in
            try Row.fetchAll(db, sql: "SELECT alias, normalized_alias FROM aliases WHERE entity_id = ? ORDER BY alias", arguments: [fixture.ana.id])
                .map { "\($0[0] as String)|\($0[1] as String)" }
        }
        #expect(rows == ["Ana Example|ana example", "Ms. Exámple|ms. example"])
        #expect(try fixture.knowledgeBase.read { db in try EntityResolver().resolve("ms. example", in: db).id } == fixture.ana.id)
        let before = try fixture.contents()
        #expect(fixture.run("alias \(fixture.ana.id) \"MS. EXAMPLE\"").output.contains("already goes by"))
        #expect(try fixture.contents() == before)
        #expect(try fixture.failure("alias \(fixture.ana.id) \"\"").contains("the name is empty"))
    }

    @Test func deleteLeavesATombstoneAndKeepsRelations() throws {
        let fixture = try EditingFixture()
        _ = try fixture.relationEditor.link(fixture.ana.id, "represents", fixture.office.id)
        let result = fixture.run("delete \"Office of Examples\"")
        #expect(result.output == "deleted body Office of Examples (\(fixture.office.id)); 1 relation to it hidden\n")
        #expect(try fixture.stored(fixture.office.id)?.isDeleted == true)
        let relations = try fixture.knowledgeBase.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM relations WHERE object_id = ? AND is_deleted = 0", arguments: [fixture.office.id])
        }
        #expect(relations == 1)
        #expect(try fixture.failure("delete OoE").contains("no entity matches 'OoE'"))
    }
}
