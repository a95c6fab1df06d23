import Foundation
import Vapor
import LianxinServer

var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    let (settings, warnings) = try LianxinSettings.load(from: ProcessInfo.processInfo.environment)
    try await configure(app, settings: settings)
    warnings.forEach { app.logger.warning("\($0)") }
    app.registerLianxinCommands()
    try await app.execute()
    try await app.asyncShutdown()
} catch {
    FileHandle.standardError.write(Data("lianxin: \(error)\n".utf8))
    try? await app.asyncShutdown()
    exit(1)
}
