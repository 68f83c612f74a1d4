#include "MigrationStatusModel.h"

#include "MigrationStateStyle.h"

#include <QBrush>
#include <QLocale>

namespace tw::ui {

using migrate::MigrationKind;
using migrate::MigrationState;
using migrate::MigrationStatusEntry;

MigrationStatusModel::MigrationStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MigrationStatusModel::setEntries(QList<MigrationStatusEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const MigrationStatusEntry *MigrationStatusModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int MigrationStatusModel::rowOfVersion(const QString &version) const
{
    const auto wanted = migrate::MigrationVersion::parse(version);
    for (int row = 0; row < m_entries.size() && wanted; ++row) {
        if (m_entries.at(row).version && *m_entries.at(row).version == *wanted)
            return row;
    }
    return -1;
}

int MigrationStatusModel::rowOfFile(const QString &fileName) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).fileName == fileName)
            return row;
    }
    return -1;
}

QString MigrationStatusModel::keyOf(int row) const
{
    const MigrationStatusEntry *e = entry(row);
    if (!e)
        return {};
    if (!e->fileName.isEmpty())
        return e->fileName;
    return e->version ? QStringLiteral("version:") + e->version->normalized() : QString();
}

int MigrationStatusModel::rowOfKey(const QString &key) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (keyOf(row) == key)
            return row;
    }
    return -1;
}

int MigrationStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MigrationStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationStatusModel::durationText(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QVariant MigrationStatusModel::display(const MigrationStatusEntry &entry, int column) const
{
    const auto &last = entry.last;
    switch (column) {
    case StateColumn: return MigrationStateStyle::label(entry.state);
    case VersionColumn:
        if (entry.kind == MigrationKind::Repeatable)
            return tr("R");   // as the CLI writes it; the tooltip says "repeatable"
        return entry.version ? entry.version->text() : QString();
    case DescriptionColumn: return entry.description;
    case InstalledOnColumn:
        return last && last->installedOn.isValid()
                   ? last->installedOn.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
    case DurationColumn: return last ? durationText(last->executionMs) : QString();
    case StatementsColumn:
        if (!last)
            return QString();
        return last->statementsTotal > 0 ? tr("%1 / %2").arg(last->statementsApplied).arg(last->statementsTotal)
                                         : QString::number(last->statementsApplied);
    case InstalledByColumn: return last ? last->installedBy : QString();
    default: return {};
    }
}

QVariant MigrationStatusModel::data(const QModelIndex &index, int role) const
{
    const MigrationStatusEntry *e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole: return display(*e, index.column());
    case Qt::DecorationRole:
        return index.column() == StateColumn ? QVariant(MigrationStateStyle::icon(e->state)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return QBrush(MigrationStateStyle::color(e->state).darker(e->state == MigrationState::ChecksumChanged
                                                                          || e->state == MigrationState::MissingFile
                                                                          || e->state == MigrationState::OutOfOrder
                                                                      ? 160 : 100));
        if (e->state == MigrationState::BelowBaseline)
            return QBrush(MigrationStateStyle::color(e->state));
        return {};
    case Qt::BackgroundRole:
        if (const QColor tint = MigrationStateStyle::background(e->state); tint.isValid())
            return QBrush(tint);
        return {};
    case Qt::ToolTipRole: {
        QString tip = MigrationStateStyle::explanation(e->state);
        if (e->kind == MigrationKind::Repeatable)
            tip = tr("Repeatable: re-applied whenever its checksum changes, after the versioned files.") + u'\n' + tip;
        if (e->last && !e->last->error.isEmpty())
            tip += QStringLiteral("\n\n") + e->last->error;
        return tip;
    }
    case Qt::TextAlignmentRole:
        return index.column() == DurationColumn || index.column() == StatementsColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case StateRole: return int(e->state);
    case VersionRole: return e->version ? e->version->text() : QString();
    case FileNameRole: return e->fileName;
    case StateNameRole: return migrate::stateName(e->state);
    default: return {};
    }
}

QVariant MigrationStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn: return tr("State");
    case VersionColumn: return tr("Version");
    case DescriptionColumn: return tr("Description");
    case InstalledOnColumn: return tr("Last run");
    case DurationColumn: return tr("Duration");
    case StatementsColumn: return tr("Statements");
    case InstalledByColumn: return tr("Installed by");
    default: return {};
    }
}

} // namespace tw::ui
