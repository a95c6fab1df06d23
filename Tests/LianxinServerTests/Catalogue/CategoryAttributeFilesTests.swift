import Fluent
import Foundation
import LianxinCore
import Testing
import Vapor
import VaporTesting

@testable import LianxinServer

/// #17: the questions a category asks at intake are catalogue data a county loads and exports.
@Suite("The dispatch catalogue: questions asked at intake")
struct CategoryAttributeFilesTests {
    @Test func item17_theShippedQuestionsAreLoadedAndExportAgainUnchanged() async throws {
        try await withLianxin { app, _ in
            let stored = try await CategoryAttribute.query(on: app.db).count()
            #expect(stored > 0, "an empty database gets the shipped questions")
            let exported = try await CategoryAttributeCSV.export(on: app.db)
            #expect(try await CategoryAttributeCSV.importCSV(exported, application: app, actor: .commandLine) == stored)
            #expect(try await CategoryAttributeCSV.export(on: app.db) == exported)
        }
    }

    @Test func item17_aBadQuestionFileIsRefusedWithEveryProblemAndAGoodOneReplacesACategorysQuestions() async throws {
        try await withLianxin { app, _ in
            let before = try await CategoryAttribute.query(on: app.db).count()
            let others = try await CategoryAttribute.query(on: app.db).filter(\.$categoryCode != "0601").count()
            let bad = """
                category_code,code,datatype,required,order,description,values
                9999,pole,string,false,1,杆号,
                0601,pole number,string,maybe,1,杆号,
                0601,state,singlevaluelist,true,x,状况,off=不亮
                0601,state,colour,true,2,,

                """
            do {
                _ = try await CategoryAttributeCSV.importCSV(bad, application: app, actor: .commandLine)
                Issue.record("the bad file was accepted")
            } catch let problem as Problem {
                let fields = Set(problem.errors.map(\.field))
                #expect(
                    fields
                        == [
                            "line 2, category_code", "line 3, code", "line 3, required", "line 4, order", "line 4, values", "line 5, code",
                            "line 5, datatype", "line 5, description",
                        ])
            }
            #expect(try await CategoryAttribute.query(on: app.db).count() == before, "nothing written")

            let good = "category_code,code,datatype,description,values\n0601,tower,string,灯杆所在道路,\n"
            #expect(try await CategoryAttributeCSV.importCSV(good, application: app, actor: .commandLine) == 1)
            let questions = try await CategoryAttribute.query(on: app.db).filter(\.$categoryCode == "0601").all()
            #expect(questions.map(\.code) == ["tower"], "the file replaces the questions of the categories it names")
            #expect(try await CategoryAttribute.query(on: app.db).filter(\.$categoryCode != "0601").count() == others, "and no other")
        }
    }
}
