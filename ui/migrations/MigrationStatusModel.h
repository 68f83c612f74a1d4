#pragma once

#include "migrate/MigrationStatus.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace tw::ui {

// The files of a migrations directory with their state (migrate status):
// one row per MigrationStatusEntry, in the order status gives them
// (versions ascending, then repeatables). The state column carries the
// state's icon; rows that need attention are tinted (MigrationStateStyle).
class MigrationStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StateColumn, VersionColumn, DescriptionColumn, InstalledOnColumn, DurationColumn,
                  StatementsColumn, InstalledByColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1,   // int(migrate::MigrationState)
        VersionRole,                    // the version as written; empty for a repeatable
        FileNameRole,
        StateNameRole,                  // "applied", "checksum-changed", … (migrate::stateName)
    };

    explicit MigrationStatusModel(QObject *parent = nullptr);

    void setEntries(QList<migrate::MigrationStatusEntry> entries);
    const QList<migrate::MigrationStatusEntry> &entries() const { return m_entries; }
    const migrate::MigrationStatusEntry *entry(int row) const;
    int rowOfVersion(const QString &version) const;
    int rowOfFile(const QString &fileName) const;
    // The row to keep selected across a refresh: a file's name, or a missing file's version.
    QString keyOf(int row) const;
    int rowOfKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString durationText(qint64 ms);

private:
    QVariant display(const migrate::MigrationStatusEntry &entry, int column) const;

    QList<migrate::MigrationStatusEntry> m_entries;
};

} // namespace tw::ui
