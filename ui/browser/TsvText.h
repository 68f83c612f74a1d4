#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace tw::ui::tsv {

// Tab-separated text as spreadsheets write it: fields holding a tab, a
// newline or a quote are quoted ("" inside for a quote). NULL and '' must
// survive a copy and paste, so NULL is an empty field and '' is a quoted
// empty field.
QString field(const QVariant &value);
QString write(const QList<QList<QVariant>> &rows);
// Unquoted empty fields come back as null QVariants, the rest as QString.
// A trailing newline does not make an extra row.
QList<QList<QVariant>> read(const QString &text);

} // namespace tw::ui::tsv
