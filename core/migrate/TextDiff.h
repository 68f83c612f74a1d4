#pragma once

#include <QList>
#include <QString>

// A line diff (issue 9: the migrations tab shows how a file changed since it
// was applied, against the text the history kept). Pure.
namespace tw::migrate {

struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
    bool operator==(const DiffLine &) const = default;
};

// Line endings are normalised first (CRLF, CR → LF), as checksums are. The
// longest common subsequence of lines; files too large for that (over four
// million line pairs) come back as all removed, then all added.
QList<DiffLine> lineDiff(const QString &before, const QString &after);

// "- old\n+ new\n  same\n", for logs and tests.
QString unifiedText(const QList<DiffLine> &diff);

} // namespace tw::migrate
