// The editing half of TableModel: staging through undo commands, copy and
// paste, commit and revert.
#include "TableModel.h"

#include "EditCommands.h"
#include "TsvText.h"
#include "async/Then.h"
#include "data/DataService.h"
#include "db/ConnectionRegistry.h"

#include <QUndoStack>

#include <algorithm>
#include <map>
#include <set>

namespace tw::ui {

namespace {

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

} // namespace

QVariant TableModel::normalized(int column, const QVariant &value, const QVariant &reference) const
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.typeId() != QMetaType::QString)
        return value;
    const QString text = value.toString();
    const data::ColumnInfo &info = m_shape.columns.at(column);
    using L = db::LogicalType;
    if (info.logical == L::Boolean) {
        const QString lower = text.trimmed().toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("t") || lower == QLatin1String("1"))
            return true;
        if (lower == QLatin1String("false") || lower == QLatin1String("f") || lower == QLatin1String("0"))
            return false;
        return text; // the server says why it is not a boolean
    }
    if (info.logical == L::Bytes) {
        if (text.startsWith(QLatin1String("\\x")))
            return QByteArray::fromHex(text.mid(2).toLatin1());
        return text.toUtf8();
    }
    // Keep the representation the row was read in (Page.h): text stays text
    // for PostgreSQL; SQLite numbers go back as numbers, so setting a cell to
    // what it was is recognised as no change.
    const bool numericColumn = info.logical == L::Integer || info.logical == L::BigInt || info.logical == L::Real;
    if ((reference.isValid() && !reference.isNull()) ? isNumber(reference) : numericColumn) {
        bool ok = false;
        if (reference.typeId() == QMetaType::Double || (!isNumber(reference) && info.logical == L::Real)) {
            const double number = text.toDouble(&ok);
            if (ok)
                return number;
        } else {
            const qlonglong number = text.toLongLong(&ok);
            if (ok)
                return number;
        }
    }
    return text;
}

std::optional<TableModel::CellChange> TableModel::changeFor(const QModelIndex &index, const StagedCell &after) const
{
    if (!(flags(index) & Qt::ItemIsEditable))
        return std::nullopt;
    const int row = index.row();
    const int column = index.column();
    if (isNewRow(row)) {
        const EditStage::NewRow &newRow = m_stage.newRowAt(row);
        StagedCell target = after;
        if (!target.isDefault)
            target.value = normalized(column, target.value, {});
        if (newRow.cells.at(column) == target)
            return std::nullopt;
        CellChange change;
        change.ref.newRowId = newRow.id;
        change.ref.column = column;
        change.before = newRow.cells.at(column);
        change.after = target;
        return change;
    }
    if (after.isDefault)
        return std::nullopt; // DEFAULT only exists for rows being inserted
    const data::Row *loaded = loadedRow(row);
    if (!loaded)
        return std::nullopt;
    QVariant original = loaded->values.value(column);
    const auto full = m_fullValues.constFind(EditStage::keyId(loaded->key));
    if (full != m_fullValues.cend() && full->contains(column))
        original = full->value(column);
    const QVariant value = normalized(column, after.value, original);
    const auto staged = m_stage.stagedValue(loaded->key, column);
    if (EditStage::sameValue(staged ? *staged : original, value))
        return std::nullopt;
    CellChange change;
    change.ref.key = loaded->key;
    change.ref.version = loaded->version;
    change.ref.loaded = original;
    change.ref.column = column;
    change.before = staged ? StagedCell::of(*staged) : StagedCell::defaulted();
    change.after = StagedCell::of(value);
    return change;
}

void TableModel::pushCells(QList<CellChange> changes, const QString &text)
{
    if (!changes.isEmpty())
        m_undo->push(new SetCellsCommand(this, std::move(changes), text));
}

bool TableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    if (auto change = changeFor(index, StagedCell::of(value)))
        pushCells({*change}, tr("Edit %1").arg(m_shape.columns.at(index.column()).name));
    return true;
}

bool TableModel::setNull(const QModelIndex &index)
{
    if (!(flags(index) & Qt::ItemIsEditable))
        return false;
    if (auto change = changeFor(index, StagedCell::of(QVariant())))
        pushCells({*change}, tr("Set %1 to NULL").arg(m_shape.columns.at(index.column()).name));
    return true;
}

bool TableModel::setDefault(const QModelIndex &index)
{
    if (!isNewRow(index.row()) || !(flags(index) & Qt::ItemIsEditable))
        return false;
    if (auto change = changeFor(index, StagedCell::defaulted()))
        pushCells({*change}, tr("Set %1 to DEFAULT").arg(m_shape.columns.at(index.column()).name));
    return true;
}

void TableModel::applyCells(const QList<CellChange> &changes, bool forward)
{
    for (const CellChange &change : changes) {
        const StagedCell &cell = forward ? change.after : change.before;
        const CellRef &ref = change.ref;
        if (ref.newRowId != 0)
            m_stage.setNewRowCell(ref.newRowId, ref.column, cell);
        else if (cell.isDefault)
            m_stage.unsetCell(ref.key, ref.column);
        else
            m_stage.setCell(ref.key, ref.version, ref.column, ref.loaded, cell.value);
    }
    // One signal for a whole paste; the view repaints only what it shows.
    emitAllChanged();
}

int TableModel::restoreNewRow(int index, const EditStage::NewRow &row)
{
    index = std::clamp(index, 0, m_stage.newRowCount());
    beginInsertRows({}, index, index);
    int id = row.id;
    if (id == 0)
        id = m_stage.addNewRow(index);
    else
        m_stage.restoreNewRow(index, row);
    endInsertRows();
    return id;
}

std::optional<EditStage::NewRow> TableModel::dropNewRow(int id, int *indexOut)
{
    const int index = m_stage.newRowIndex(id);
    if (indexOut)
        *indexOut = index;
    if (index < 0)
        return std::nullopt;
    beginRemoveRows({}, index, index);
    auto row = m_stage.removeNewRow(id);
    m_markedNewRows.remove(id);
    endRemoveRows();
    return row;
}

void TableModel::applyDeletions(const QList<EditStage::Deletion> &deletions, bool stage)
{
    if (deletions.isEmpty())
        return;
    for (const auto &deletion : deletions) {
        if (stage)
            m_stage.stageDeletion(deletion.key, deletion.version);
        else
            m_stage.unstageDeletion(deletion.key);
    }
    emitAllChanged();
}

int TableModel::insertNewRow()
{
    if (!m_shape.editable || m_committing)
        return -1;
    const int row = m_stage.newRowCount();
    m_undo->push(new InsertRowCommand(this, row));
    return row;
}

void TableModel::deleteRows(const QList<int> &rows)
{
    if (!m_shape.editable || m_committing)
        return;
    QList<EditStage::Deletion> deletions;
    QList<int> newRowIds;
    const std::set<int> unique(rows.cbegin(), rows.cend());
    for (int row : unique) {
        if (isNewRow(row)) {
            newRowIds.append(m_stage.newRowAt(row).id);
        } else if (const data::Row *loaded = loadedRow(row)) {
            if (!m_stage.isDeleted(loaded->key))
                deletions.append({loaded->key, loaded->version});
        }
    }
    if (deletions.isEmpty() && newRowIds.isEmpty())
        return;
    m_undo->push(new DeleteRowsCommand(this, std::move(deletions), std::move(newRowIds),
                                       tr("Delete %n row(s)", nullptr, int(unique.size()))));
}

QString TableModel::copyAsTsv(const QModelIndexList &indexes) const
{
    std::map<int, std::map<int, QVariant>> cells;
    std::set<int> columns;
    for (const QModelIndex &index : indexes) {
        if (!isCell(index))
            continue;
        cells[index.row()][index.column()] = data(index, Qt::EditRole);
        columns.insert(index.column());
    }
    QList<QList<QVariant>> grid;
    for (const auto &[row, values] : cells) {
        QList<QVariant> line;
        for (int column : columns) {
            const auto it = values.find(column);
            line.append(it == values.end() ? QVariant() : it->second);
        }
        grid.append(line);
    }
    return tsv::write(grid);
}

bool TableModel::pasteTsv(const QModelIndex &topLeft, const QString &text)
{
    if (!isCell(topLeft))
        return false;
    const auto grid = tsv::read(text);
    QList<CellChange> changes;
    for (int r = 0; r < grid.size(); ++r) {
        const int row = topLeft.row() + r;
        if (row >= rowCount())
            break;
        for (int c = 0; c < grid.at(r).size(); ++c) {
            const int column = topLeft.column() + c;
            if (column >= columnCount())
                break;
            if (auto change = changeFor(index(row, column), StagedCell::of(grid.at(r).at(c))))
                changes.append(*change);
        }
    }
    if (changes.isEmpty())
        return false;
    pushCells(std::move(changes), tr("Paste"));
    return true;
}

void TableModel::loadFullValue(const QModelIndex &index)
{
    if (!m_registry || !data(index, IsTruncatedRole).toBool())
        return;
    const data::Row *loaded = loadedRow(index.row());
    if (!loaded)
        return;
    const int column = index.column();
    const QVariantList key = loaded->key;
    const quint64 epoch = m_tableEpoch;
    const auto cell = data::loadCell(*m_registry, m_connection, m_shape, key, m_shape.columns.at(column).name);
    async::then(cell, this, [this, epoch, key, column](const Result<QVariant> &value) {
        if (epoch != m_tableEpoch)
            return;
        if (!value.ok()) {
            emit loadFailed(value.error());
            return;
        }
        m_fullValues[EditStage::keyId(key)].insert(column, value.value());
        if (rowCount() > 0)
            emit dataChanged(this->index(0, column), this->index(rowCount() - 1, column));
    });
}

void TableModel::markCommitProblems(const Error &error)
{
    m_markedKeys.clear();
    m_markedNewRows.clear();
    auto mark = [this](const QVariantMap &item) {
        if (const auto target = m_stage.targetOfTag(item.value(QStringLiteral("tag")).toInt())) {
            if (target->kind == data::RowChange::Kind::Insert)
                m_markedNewRows.insert(target->newRowId);
            else
                m_markedKeys.insert(EditStage::keyId(target->key));
        } else if (item.contains(QStringLiteral("key"))) {
            m_markedKeys.insert(EditStage::keyId(item.value(QStringLiteral("key")).toList()));
        }
    };
    const QVariantMap &details = error.details();
    if (error.code() == ErrorCode::Conflict) {
        for (const QVariant &item : details.value(QStringLiteral("conflicts")).toList())
            mark(item.toMap());
    } else if (details.contains(QStringLiteral("tag"))) {
        mark(details);
    }
}

void TableModel::commit()
{
    if (m_committing || m_stage.isEmpty() || !m_registry)
        return;
    m_markedKeys.clear();
    m_markedNewRows.clear();
    const data::ChangeSet changes = m_stage.toChangeSet();
    m_committing = true;
    updateBusy();
    const quint64 epoch = m_tableEpoch;
    const auto commit = data::commitChanges(*m_registry, m_connection, m_shape, changes);
    async::then(commit, this, [this, epoch](const Result<data::CommitOutcome> &outcome) {
        if (epoch != m_tableEpoch)
            return;
        m_committing = false;
        if (!outcome.ok()) {
            // Nothing was written: every staged edit stays, the rows at
            // fault are marked so the user can see which ones.
            markCommitProblems(outcome.error());
            emitAllChanged();
            updateBusy();
            emit commitFailed(outcome.error());
            return;
        }
        const data::CommitOutcome done = outcome.value();
        clearStagedEdits();
        m_fullValues.clear();
        // The written rows have new versions (and inserted ones new
        // places): every page is read again.
        cancelAllJobs();
        ++m_generation;
        dropPages();
        setLoadedRowCount(m_rowCount + done.inserted - done.deleted, m_countExact);
        emitAllChanged();
        updateBusy();
        emit committed(done);
    });
}

void TableModel::clearStagedEdits()
{
    const int newRows = m_stage.newRowCount();
    if (newRows > 0) {
        beginRemoveRows({}, 0, newRows - 1);
        m_stage.clear();
        endRemoveRows();
    }
    m_stage.clear();
    m_undo->clear();
}

void TableModel::revert()
{
    if (m_committing)
        return; // the outcome decides what stays staged
    clearStagedEdits();
    m_markedKeys.clear();
    m_markedNewRows.clear();
    emitAllChanged();
}

} // namespace tw::ui
