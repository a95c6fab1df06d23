import Foundation
import Testing
import Vapor
@testable import LianxinServer

/// A body the form decoders cannot read is the client's mistake: a 4xx problem, never a 500.
@Suite struct MalformedBodyTests {
    struct Form: Content { var file: File?; var note: String? }

    @Test func brokenMultipartBodiesAreTheClientsMistake() throws {
        let bodies = [
            "--XYZ\r\nbroken", "no boundary at all", "--XYZ\r\nbad header line\r\n\r\nx\r\n--XYZ--\r\n",
            "--XYZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XYZ--\r\n\u{0}\r\n--XYZ\r\n:\r\n",
            "--XYZ\r\n\r\n\r\n--XYZ--\r\n", "--XYZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XYZ--\r\n",
            "--XYZ\n\nx", "--XYZ\r\nA\u{0}: b\r\n\r\nx\r\n--XYZ--\r\n",
        ]
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "XYZ"])
        let decoder = try ContentConfiguration.global.requireDecoder(for: .formData)
        var refused = 0
        for body in bodies {
            do {
                _ = try decoder.decode(Form.self, from: ByteBuffer(string: body), headers: headers)
            } catch {
                refused += 1
                let problem = ProblemMiddleware.problem(from: error)
                #expect((400..<500).contains(problem.status.code), "\(String(reflecting: error)) became \(problem.status)")
            }
        }
        #expect(refused >= 2)
        // The parser's own error types are private to MultipartKit: they are recognised by module.
        struct StandIn: Error {}
        #expect(!ProblemMiddleware.isMalformedForm(StandIn()))
        #expect(ProblemMiddleware.problem(from: StandIn()).status == .internalServerError)
    }
}
