import PackagePlugin
import Foundation

/// Embeds text files the Lab shows into the `Lab` target as a generated Swift file, so that an installed `metalab`
/// (outside the checkout) still has them: the interpreter's sources (the `interp` view) and the lessons.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "embed-files")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = [output.path]
        var inputs: [URL] = []
        // The interpreter's sources, keyed by `#fileID` (`MiniPy/Interpreter.swift`), as domain call sites name them.
        if let miniPy = context.package.targets.first(where: { $0.name == "MiniPy" }) as? SourceModuleTarget {
            for file in miniPy.sourceFiles(withSuffix: "swift") where file.url.deletingLastPathComponent().lastPathComponent == "Interpreter" {
                arguments.append("interpreter:MiniPy/\(file.url.lastPathComponent)=\(file.url.path)")
                inputs.append(file.url)
            }
        }
        // The lessons: scripts and their programs, keyed by file name.
        let lessons = context.package.directoryURL.appending(path: "lessons")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mlab") || name.hasSuffix(".py") {
            let url = lessons.appending(path: name)
            arguments.append("lessons:\(name)=\(url.path)")
            inputs.append(url)
        }
        return [.buildCommand(displayName: "Embedding the interpreter's sources and the lessons",
                              executable: tool.url, arguments: arguments,
                              inputFiles: inputs + [lessons], outputFiles: [output])]
    }
}
