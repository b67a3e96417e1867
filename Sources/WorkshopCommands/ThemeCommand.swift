import ArgumentParser
import Foundation
import Shell

/// `theme [standard|high-contrast]`: the colours of this shell; high contrast for a projector.
struct ThemeCommand: WorkshopCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Show or change the colours: theme high-contrast for a projector, theme standard to go back.",
        discussion: "Set WORKSHOP_THEME=high-contrast to start every shell that way.")
    static let completions: [ArgumentCompletion] = [.words(Theme.allCases.map(\.rawValue))]
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("standard or high-contrast.", valueName: "theme")) var name: String?

    func run(in session: Session) throws {
        let out = session.out
        if let name {
            guard let theme = Theme(rawValue: name.lowercased()) else {
                throw WorkshopError(
                    "there is no theme '\(name)'; the themes are \(Theme.allCases.map(\.rawValue).joined(separator: " and "))")
            }
            out.styler.theme = theme
        }
        let sample = [
            out.styled("X", .red, .bold), out.styled("O", .yellow, .bold), out.styled("·", .dim),
            out.styled("✓ passed", .success), out.styled("✗ failed", .failure), out.styled("a note", .dim),
        ].joined(separator: "  ")
        out.line("theme \(out.styler.theme.rawValue): " + sample)
        if !out.styler.enabled { out.line("(colour is off here: not a terminal, or NO_COLOR is set)") }
    }
}
