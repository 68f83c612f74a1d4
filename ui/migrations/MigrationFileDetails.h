#pragma once

#include "config/ConnectionProfile.h"
#include "migrate/MigrationStatus.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>

namespace tw::ui {

// What the migrations tab shows beside the list: each file's text and, for
// an applied file whose checksum changed, how it differs from what ran: a
// line diff against the text the history kept, and per statement (same /
// changed / added / removed, from the hash recorded for each).
struct StatementComparison
{
    enum class Change { Same, Changed, Added, Removed };
    Change change = Change::Same;
    int number = 0;        // 1-based, in the current file (Removed: in the recorded run)
    int line = 0;          // its line in the current file; 0 for Removed
    QString text;          // the current statement; empty for Removed
};

struct MigrationFileDetails
{
    QString fileName;
    QString text;                          // the whole file, as on disk
    QString readError;                     // the file could not be read or split
    QString currentChecksum;               // migrate::migrationChecksum of its statements section
    QString currentSql;                    // that section (the whole file, or dbmate's up/down part)
    QList<StatementComparison> comparison; // filled for checksum-changed entries only
};

using MigrationFileDetailsMap = QHash<QString, MigrationFileDetails>;

class MigrationFileDetailsLoader
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::MigrationFileDetailsLoader)
public:
    // Reads the directory on a thread-pool thread (never the GUI's).
    static QFuture<MigrationFileDetailsMap> load(const QString &directory,
                                                 const QList<migrate::MigrationStatusEntry> &entries,
                                                 config::Driver driver);
    // The synchronous work behind load(), for tests and the thread pool.
    static MigrationFileDetailsMap read(const QString &directory, const QList<migrate::MigrationStatusEntry> &entries,
                                        config::Driver driver);
    // The "what changed" pane of a checksum-changed entry, as HTML.
    static QString changeReportHtml(const migrate::MigrationStatusEntry &entry, const MigrationFileDetails &details);
};

} // namespace tw::ui
