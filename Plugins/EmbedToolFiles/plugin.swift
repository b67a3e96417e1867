import Foundation
import PackagePlugin

/// Compiles the files the tool reads at run time (the kit and host sources it builds learner code
/// against, the default lesson pack and its reference solutions) into the binary, so that a
/// copied or installed `workshop` works outside its checkout. Every file is an input, so an
/// edited lesson rebuilds the embedded copy.
@main
struct EmbedToolFiles: BuildToolPlugin {
    static let folders = ["Sources/EventSourcing", "Sources/LearnerHost", "lessons", "solutions"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let base = root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            while let file = files?.nextObject() as? URL {
                guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                    !file.lastPathComponent.hasPrefix(".")
                else { continue }
                inputs.append(file)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedToolFiles.swift")
        let list = context.pluginWorkDirectoryURL.appendingPathComponent("inputs.txt")
        try inputs.map(\.path).joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files of the kit and the course",
                executable: try context.tool(named: "ToolFileEmbedder").url,
                arguments: [root.path, list.path, output.path],
                inputFiles: inputs + [list],
                outputFiles: [output])
        ]
    }
}
