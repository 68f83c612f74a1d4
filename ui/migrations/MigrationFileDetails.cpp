#include "MigrationFileDetails.h"

#include "migrate/MigrationFiles.h"
#include "migrate/MigrationHistory.h"
#include "migrate/MigrationPlan.h"
#include "migrate/TextDiff.h"

#include <QDir>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

namespace tw::ui {

using migrate::MigrationState;
using migrate::MigrationStatusEntry;
using Change = StatementComparison::Change;

namespace {

QList<StatementComparison> compareStatements(const QList<migrate::ScriptStatement> &now, const QStringList &recorded)
{
    QList<StatementComparison> out;
    for (qsizetype i = 0; i < now.size(); ++i) {
        StatementComparison c;
        c.number = now.at(i).number;
        c.line = now.at(i).line;
        c.text = now.at(i).text.trimmed();
        if (i >= recorded.size())
            c.change = Change::Added;
        else
            c.change = migrate::statementHash(now.at(i).text) == recorded.at(i) ? Change::Same : Change::Changed;
        out << c;
    }
    for (qsizetype i = now.size(); i < recorded.size(); ++i) {
        StatementComparison c;
        c.change = Change::Removed;
        c.number = int(i + 1);
        out << c;
    }
    return out;
}

} // namespace

QFuture<MigrationFileDetailsMap> MigrationFileDetailsLoader::load(const QString &directory,
                                                                   const QList<MigrationStatusEntry> &entries,
                                                                   config::Driver driver)
{
    return QtConcurrent::run([directory, entries, driver] { return read(directory, entries, driver); });
}

MigrationFileDetailsMap MigrationFileDetailsLoader::read(const QString &directory,
                                                         const QList<MigrationStatusEntry> &entries,
                                                         config::Driver driver)
{
    MigrationFileDetailsMap out;
    const auto files = migrate::readMigrationDirectory(directory);
    QHash<QString, migrate::MigrationScript> scripts;
    if (files) {
        for (const auto *list : {&files.value().versioned, &files.value().undo, &files.value().repeatable})
            for (const migrate::MigrationScript &script : *list)
                scripts.insert(script.fileName, script);
    }
    const QDir dir(directory);
    for (const MigrationStatusEntry &entry : entries) {
        if (entry.fileName.isEmpty())
            continue;
        MigrationFileDetails details;
        details.fileName = entry.fileName;
        QFile file(dir.filePath(entry.fileName));
        if (file.open(QIODevice::ReadOnly))
            details.text = QString::fromUtf8(file.readAll());
        else
            details.readError = tr("Cannot read %1: %2").arg(entry.fileName, file.errorString());
        const auto script = scripts.constFind(entry.fileName);
        if (script != scripts.constEnd()) {
            details.currentChecksum = script->checksum;
            details.currentSql = script->sql;
            if (entry.state == MigrationState::ChecksumChanged && entry.last) {
                const auto statements = migrate::splitScript(*script, driver);
                if (statements)
                    details.comparison = compareStatements(statements.value(), entry.last->statementHashes);
                else
                    details.readError = statements.error().message();
            }
        } else if (!files) {
            details.readError = files.error().message();
        }
        out.insert(entry.fileName, details);
    }
    return out;
}

QString MigrationFileDetailsLoader::changeReportHtml(const MigrationStatusEntry &entry, const MigrationFileDetails &details)
{
    QString html;
    const QString applied = entry.last ? entry.last->sql : QString();
    if (!applied.isEmpty() && details.readError.isEmpty()) {
        // The text that ran, as the history kept it, against the file now.
        html += QStringLiteral("<p><b>%1</b></p><pre style=\"white-space: pre-wrap\">").arg(tr("Changes since it ran:"));
        for (const migrate::DiffLine &line : migrate::lineDiff(applied, details.currentSql)) {
            const QString text = line.text.toHtmlEscaped();
            switch (line.kind) {
            case migrate::DiffLine::Kind::Same: html += QStringLiteral("  %1\n").arg(text); break;
            case migrate::DiffLine::Kind::Removed:
                html += QStringLiteral("<span style=\"background:#ffebee;color:#b71c1c\">- %1</span>\n").arg(text);
                break;
            case migrate::DiffLine::Kind::Added:
                html += QStringLiteral("<span style=\"background:#e8f5e9;color:#1b5e20\">+ %1</span>\n").arg(text);
                break;
            }
        }
        html += QStringLiteral("</pre>");
    } else {
        html += QStringLiteral("<p>%1</p>").arg(
            tr("The history row keeps no text for this run (a baseline, or a row written by another tool): the "
               "statements are compared by the hash recorded for each."));
    }
    const QString recorded = entry.last ? entry.last->checksum : QString();
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">"
                           "<tr><td><b>%1</b></td><td><code>%2</code></td></tr>"
                           "<tr><td><b>%3</b></td><td><code>%4</code></td></tr></table>")
                .arg(tr("Applied checksum:"), recorded.toHtmlEscaped(), tr("File checksum now:"),
                     details.currentChecksum.toHtmlEscaped());
    if (!details.readError.isEmpty()) {
        html += QStringLiteral("<p style=\"color:#c62828\">%1</p>").arg(details.readError.toHtmlEscaped());
        return html;
    }
    int same = 0;
    QString rows;
    for (const StatementComparison &c : details.comparison) {
        if (c.change == Change::Same) {
            ++same;
            continue;
        }
        QString what;
        QString colour;
        switch (c.change) {
        case Change::Changed: what = tr("Statement %1 (line %2) changed since it ran:").arg(c.number).arg(c.line); colour = QStringLiteral("#fff8e1"); break;
        case Change::Added: what = tr("Statement %1 (line %2) is new:").arg(c.number).arg(c.line); colour = QStringLiteral("#e8f5e9"); break;
        case Change::Removed: what = tr("Statement %1 of the applied run is no longer in the file.").arg(c.number); colour = QStringLiteral("#ffebee"); break;
        case Change::Same: break;
        }
        rows += QStringLiteral("<tr><td style=\"background:%1\"><b>%2</b>").arg(colour, what.toHtmlEscaped());
        if (!c.text.isEmpty())
            rows += QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>").arg(c.text.toHtmlEscaped());
        rows += QStringLiteral("</td></tr>");
    }
    if (entry.last && entry.last->statementHashes.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("The history row records no statement hashes (baseline or an "
                                                   "older run): only the checksums can be compared."));
    } else if (rows.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(
            tr("All %n statement(s) that ran are unchanged: the edit is in comments or white space between "
               "statements.", nullptr, same));
    } else {
        html += QStringLiteral("<p>%1</p>").arg(tr("%n statement(s) unchanged.", nullptr, same));
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">%1</table>").arg(rows);
    }
    html += QStringLiteral("<p>%1</p>").arg(
        tr("Revert the file to what ran, or run Repair to record the file's current checksum."));
    return html;
}

} // namespace tw::ui
