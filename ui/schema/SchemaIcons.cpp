#include "SchemaIcons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QStyle>

namespace tw::ui {

namespace {

QIcon load(const char *name, QStyle::StandardPixmap fallback)
{
    static QHash<QString, QIcon> cache;
    const QString key = QString::fromLatin1(name);
    const auto it = cache.constFind(key);
    if (it != cache.cend())
        return *it;
    const QString file = QStringLiteral(":/tablewright/icons/schema/%1.svg").arg(key);
    QIcon icon = QFile::exists(file) ? QIcon(file) : QIcon();
    // A QIcon made from a file is never null; it is empty when nothing can render it.
    if (icon.pixmap(16, 16).isNull())
        icon = QApplication::style()->standardIcon(fallback);
    cache.insert(key, icon);
    return icon;
}

} // namespace

QIcon SchemaIcons::forKind(catalog::ObjectKind kind)
{
    using K = catalog::ObjectKind;
    switch (kind) {
    case K::Schema: return load("schema", QStyle::SP_DriveHDIcon);
    case K::Table: return load("table", QStyle::SP_FileDialogDetailedView);
    case K::PartitionedTable: return load("partitioned", QStyle::SP_FileDialogListView);
    case K::View: return load("view", QStyle::SP_FileDialogContentsView);
    case K::MaterializedView: return load("matview", QStyle::SP_FileDialogInfoView);
    case K::ForeignTable: return load("foreign", QStyle::SP_FileLinkIcon);
    case K::Column: return load("column", QStyle::SP_FileIcon);
    case K::Constraint: return load("constraint", QStyle::SP_DialogApplyButton);
    case K::Index: return load("index", QStyle::SP_ArrowDown);
    case K::Trigger: return load("trigger", QStyle::SP_MediaPlay);
    case K::Sequence: return load("sequence", QStyle::SP_ArrowUp);
    case K::Function: return load("function", QStyle::SP_CommandLink);
    case K::Procedure: return load("procedure", QStyle::SP_CommandLink);
    case K::EnumType:
    case K::Domain:
    case K::CompositeType: return load("type", QStyle::SP_FileDialogInfoView);
    case K::Extension: return load("extension", QStyle::SP_ComputerIcon);
    }
    return {};
}

QIcon SchemaIcons::key()
{
    return load("key", QStyle::SP_DialogOkButton);
}

QIcon SchemaIcons::group()
{
    return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
}

} // namespace tw::ui
