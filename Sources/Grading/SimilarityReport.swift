import Foundation

/// `similarity.csv` and `similarity.html`. Both flag pairs for a person to look at; neither
/// judges: shared code has honest causes (a common idiom, allowed pair work, a hint followed closely).
public enum SimilarityReport {
    /// Scores from this up are called "worth a look"; below, ordinary overlap.
    public static let lookThreshold = 0.5

    public static func csv(_ analysis: SimilarityAnalysis, pairs: [SimilarPair]) -> String {
        var lines = ["first,second,score,shared,first_fingerprints,second_fingerprints,first_files,second_files"]
        for pair in pairs {
            let regions = analysis.regions(of: pair)
            let row = [
                analysis.sources[pair.first].id, analysis.sources[pair.second].id, String(format: "%.3f", pair.score), String(pair.shared),
                String(pair.firstPrints), String(pair.secondPrints),
                analysis.files(regions.first, of: pair.first).joined(separator: " "),
                analysis.files(regions.second, of: pair.second).joined(separator: " "),
            ]
            lines.append(row.map(Gradebook.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line on what a score suggests, in words that flag and never accuse.
    public static func verdictWords(_ score: Double) -> String {
        if score >= 0.8 { return "worth a close look" }
        if score >= lookThreshold { return "worth a look" }
        return "ordinary overlap, most likely"
    }

    /// The page: a table of the pairs, then the first `shown` pairs side by side with the shared
    /// regions marked. Self-contained: styles inline, no script, nothing fetched.
    public static func html(_ analysis: SimilarityAnalysis, pairs: [SimilarPair], shown: Int = 25, lessons: String) -> String {
        var body: [String] = []
        body.append("<h1>Similar submissions (--lessons \(escape(lessons)))</h1>")
        body.append(
            """
            <p class="note">Each pair's score is the share of the smaller submission's fingerprints (runs of code with names, \
            literals, comments and layout set aside) found in the other, after removing the code the course handed out \
            (starters and references). A high score says <em>these are worth a look</em>, nothing more: common idioms, \
            allowed pair work and short lessons raise it too. \(analysis.sources.count) submissions compared, \
            \(pairs.count) pairs share any code.</p>
            """)
        body.append("<table><tr><th>first</th><th>second</th><th>score</th><th>shared</th><th></th></tr>")
        for (index, pair) in pairs.prefix(max(shown, 200)).enumerated() {
            let link = index < shown ? "<a href=\"#pair-\(index + 1)\">side by side</a>" : ""
            body.append(
                "<tr><td>\(escape(analysis.sources[pair.first].id))</td><td>\(escape(analysis.sources[pair.second].id))</td>"
                    + "<td>\(String(format: "%.2f", pair.score))</td><td>\(pair.shared)</td><td>\(verdictWords(pair.score)) \(link)</td></tr>"
            )
        }
        body.append("</table>")
        if pairs.count > max(shown, 200) {
            body.append("<p class=\"note\">The other \(pairs.count - max(shown, 200)) pairs are in similarity.csv.</p>")
        }
        for (index, pair) in pairs.prefix(shown).enumerated() {
            let regions = analysis.regions(of: pair)
            let first = analysis.sources[pair.first], second = analysis.sources[pair.second]
            body.append(
                "<section id=\"pair-\(index + 1)\"><h2>\(escape(first.id)) and \(escape(second.id)): \(String(format: "%.2f", pair.score)), \(verdictWords(pair.score))</h2>"
            )
            body.append(
                "<p class=\"note\">\(pair.shared) shared fingerprints of \(pair.firstPrints) and \(pair.secondPrints). Marked: the regions they cover.</p>"
            )
            body.append("<div class=\"sides\">")
            for (side, marks) in [(first, regions.first), (second, regions.second)] {
                body.append("<div class=\"side\"><h3>\(escape(side.id))</h3>")
                for fileIndex in Set(marks.map(\.file)).sorted() {
                    let file = side.files[fileIndex]
                    body.append("<h4>\(escape(file.path))</h4><pre>\(marked(file.text, marks.filter { $0.file == fileIndex }))</pre>")
                }
                body.append("</div>")
            }
            body.append("</div></section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Similar submissions</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; } td, th { padding: 0.2em 0.8em; border-bottom: 1px solid #ddd; text-align: left; }
            .note { color: #555; max-width: 60em; }
            .sides { display: flex; gap: 1em; } .side { flex: 1; min-width: 0; }
            pre { background: #f7f7f7; padding: 0.6em; overflow-x: auto; font-size: 13px; }
            mark { background: #ffe08a; }
            section { margin-top: 2.5em; border-top: 2px solid #ccc; }
            </style></head><body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    /// The text escaped for HTML, with the regions (UTF-8 byte ranges, merged) in `<mark>`.
    static func marked(_ text: String, _ regions: [SharedRegion]) -> String {
        let bytes = Array(text.utf8)
        var result = "", position = 0
        for region in regions {
            let start = min(max(region.bytes.lowerBound, position), bytes.count), end = min(region.bytes.upperBound, bytes.count)
            guard start < end else { continue }
            result += escape(String(decoding: bytes[position..<start], as: UTF8.self))
            result += "<mark>" + escape(String(decoding: bytes[start..<end], as: UTF8.self)) + "</mark>"
            position = end
        }
        return result + escape(String(decoding: bytes[position...], as: UTF8.self))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
