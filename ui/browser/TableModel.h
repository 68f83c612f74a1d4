#pragma once

#include "EditStage.h"
#include "PageCache.h"
#include "data/Page.h"
#include "data/PageRequest.h"
#include "data/RowChanges.h"
#include "data/TableShape.h"
#include "error/Error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

class QTimer;
class QUndoStack;

namespace tw::db {
class ConnectionRegistry;
}

namespace tw::ui {

class EditCommand;

// The rows of one table for a QTableView: pages of rows read in the
// background (STYLE.md pattern 5) into a bounded PageCache, plus the staged
// edits (EditStage) shown on top of them until commit().
//
// View rows 0..k-1 are the staged new rows; row k + i is the i-th row of the
// browse. rowCount() follows the catalog estimate until the exact count is
// known, and shrinks or grows when a page finds the data ending elsewhere.
// data() never blocks: a row whose page is missing shows a placeholder and
// asks for the page; the page's rows change (dataChanged) when it lands.
class TableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles {
        IsNullRole = Qt::UserRole + 1, // bool: the shown value is NULL
        IsLoadedRole,                  // bool: the row is loaded (or a staged new row)
        IsStagedRole,                  // bool: the cell (or its row) has a staged edit
        IsTruncatedRole,               // bool: the value was cut short; loadFullValue() gets it whole
        ColumnInfoRole,                // QVariant holding the column's data::ColumnInfo
        IsDefaultRole,                 // bool: a new row's cell left to the column DEFAULT
        IsNewRowRole,                  // bool: a staged new row
        IsDeletedRole,                 // bool: a loaded row staged for deletion
        IsConflictRole,                // bool: the last commit failed on this row
    };

    explicit TableModel(db::ConnectionRegistry *registry, QObject *parent = nullptr);
    ~TableModel() override;

    // Shows another table: staged edits and undo history are dropped, the
    // estimate and the first page are requested.
    void setTable(const QString &connection, const data::TableShape &shape);
    // Another browse of the same table; loaded pages are dropped (their rows
    // no longer apply), staged edits stay.
    void setBrowse(QList<data::Filter> filters, QString where, QList<data::SortKey> order);

    const data::TableShape &shape() const { return m_shape; }
    QString connection() const { return m_connection; }
    const QList<data::Filter> &filters() const { return m_browse.filters; }
    const QString &where() const { return m_browse.where; }
    const QList<data::SortKey> &order() const { return m_browse.order; }
    const data::ColumnInfo *columnInfo(int column) const;

    void requestExactCount();
    void cancelExactCount();
    qint64 knownRowCount() const { return m_rowCount; }
    bool countIsExact() const { return m_countExact; }
    bool isCounting() const { return m_counting; }
    bool isBusy() const;
    bool isCommitting() const { return m_committing; }

    QUndoStack *undoStack() { return m_undo; }
    bool hasStagedChanges() const { return !m_stage.isEmpty(); }
    const EditStage &stage() const { return m_stage; }

    void commit();
    void revert();
    // Stages a row of DEFAULTs at view row k (below earlier new rows); returns its row.
    int insertNewRow();
    void deleteRows(const QList<int> &rows);
    // NULL copies as an empty field, '' as "" (quoted), so a paste gets back
    // what was copied; fields with tabs, newlines or quotes are quoted.
    QString copyAsTsv(const QModelIndexList &indexes) const;
    // One undo command for the whole range; false when nothing could be staged.
    bool pasteTsv(const QModelIndex &topLeft, const QString &tsv);
    // Stages NULL (new rows: NULL too) in the cell; setData with a null QVariant does the same.
    bool setNull(const QModelIndex &index);
    bool setDefault(const QModelIndex &index); // new rows only

    QVariant rowKey(int row) const;            // the identity of a loaded row (QVariantList), else invalid
    const data::Row *loadedRow(int row) const; // nullptr for new rows and rows not loaded yet
    void loadFullValue(const QModelIndex &index);

    // Test and tuning knobs.
    PageCache &cache() { return m_cache; }
    const PageCache &cache() const { return m_cache; }
    void setPageSize(int rows);
    int pageSize() const { return m_cache.pageSize(); }
    quint64 generation() const { return m_generation; }
    int pagesInFlight() const { return int(m_inFlight.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The edit the stage holds for a cell, for undo commands. Targets a
    // loaded row by key (with its version and loaded value) or a new row by id.
    struct CellRef
    {
        int newRowId = 0;          // 0: a loaded row
        QVariantList key;
        QVariant version;
        QVariant loaded;
        int column = 0;
    };
    struct CellChange
    {
        CellRef ref;
        StagedCell before;         // isDefault on loaded rows: "not staged"
        StagedCell after;
    };
    // Used by the undo commands only: they call these on redo()/undo().
    void applyCells(const QList<CellChange> &changes, bool forward);
    int restoreNewRow(int index, const EditStage::NewRow &row);
    std::optional<EditStage::NewRow> dropNewRow(int id, int *index = nullptr);
    void applyDeletions(const QList<EditStage::Deletion> &deletions, bool stage);

signals:
    void loadFailed(const tw::Error &error);
    void committed(const tw::data::CommitOutcome &outcome);
    void commitFailed(const tw::Error &error);
    void countChanged(qint64 count, bool exact);
    void busyChanged(bool busy);

private:
    struct Flight
    {
        quint64 jobId = 0;
        bool prefetch = false;
        quint64 stamp = 0;     // when it was last asked for
        bool exactPosition = false;
    };

    // loading (TableModelLoading.cpp)
    void startBrowse();
    void requestPage(qint64 page) const;
    void fetchRequested();
    void fetchPage(qint64 page, bool prefetch);
    data::PageAnchor anchorFor(qint64 page, int *limit) const;
    void pageArrived(quint64 generation, qint64 page, quint64 jobId, data::PageAnchor::Kind kind, int limit,
                     const Result<data::Page> &result);
    void prefetchAround(qint64 page);
    void retryLater(qint64 page);
    void setLoadedRowCount(qint64 count, bool exact);
    void cancelAllJobs();
    void dropPages();
    void updateBusy();
    qint64 lastPage() const;

    // edits (TableModel.cpp)
    bool isCell(const QModelIndex &index) const;
    bool isNewRow(int row) const { return row >= 0 && row < m_stage.newRowCount(); }
    qint64 browseRow(int row) const { return qint64(row) - m_stage.newRowCount(); }
    QVariant cellValue(int row, int column, bool *staged, bool *isDefault, bool *truncated) const;
    QVariant normalized(int column, const QVariant &value, const QVariant &reference) const;
    std::optional<CellChange> changeFor(const QModelIndex &index, const StagedCell &after) const;
    void pushCells(QList<CellChange> changes, const QString &text);
    void emitAllChanged();
    void markCommitProblems(const Error &error);
    void clearStagedEdits();   // new rows leave the view first
    bool isMarked(int row) const;

    db::ConnectionRegistry *m_registry;
    QString m_connection;
    data::TableShape m_shape;
    data::PageRequest m_browse;       // filters, where, order; anchor and limit per page
    quint64 m_generation = 0;

    mutable PageCache m_cache;
    qint64 m_rowCount = 0;            // rows of the browse shown (without new rows)
    bool m_countExact = false;
    mutable QList<qint64> m_requested; // pages asked for since the last fetch, latest last
    QTimer *m_fetchTimer;
    QHash<qint64, Flight> m_inFlight;  // page → job
    QSet<qint64> m_failed;             // pages whose load failed in this generation: not retried at once
    QHash<qint64, int> m_retries;      // transient failures per page, for the backoff
    quint64 m_stamp = 0;
    qint64 m_minRows = 0;              // rows known to exist (pages read from the start)
    bool m_endSeen = false;            // a page read from the start met the end: the count is known
    QSet<qint64> m_exactPages;         // cached pages whose rows sit exactly at their view rows
    bool m_counting = false;
    quint64 m_countJob = 0;
    quint64 m_tableEpoch = 0;          // setTable(): commits and full values of the old table are stale
    bool m_committing = false;
    bool m_busy = false;
    qint64 m_lastLanded = -1;

    EditStage m_stage;
    QUndoStack *m_undo;
    QSet<QByteArray> m_markedKeys;    // rows named by the last failed commit
    QSet<int> m_markedNewRows;
    QHash<QByteArray, QHash<int, QVariant>> m_fullValues; // loadFullValue() results by key, column
};

} // namespace tw::ui

Q_DECLARE_METATYPE(tw::data::ColumnInfo)
