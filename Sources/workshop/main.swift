import Foundation
import WorkshopCommands

// A lesson's domain commands (`start-game 42 alice bob`) first; everything else is the parser's.
if let status = DomainLauncher.run(Array(CommandLine.arguments.dropFirst())) {
    exit(status)
}
Workshop.main()
