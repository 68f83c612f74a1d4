#include "TableModel.h"

#include "db/ConnectionRegistry.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QTimer>
#include <QUndoStack>

namespace tw::ui {

namespace {

constexpr int kDisplayChars = 200;   // the grid shows a line, the editor the whole value
constexpr int kHexBytes = 16;

QString shortText(const QVariant &value, bool truncated)
{
    QString text;
    if (value.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = value.toByteArray();
        text = QStringLiteral("\\x") + QString::fromLatin1(bytes.left(kHexBytes).toHex());
        if (bytes.size() > kHexBytes || truncated)
            text += QChar(0x2026);
        return text;
    }
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    text = value.toString();
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    bool cut = truncated;
    if (newline >= 0) {
        text.truncate(newline);
        cut = true;
    }
    if (text.size() > kDisplayChars) {
        text.truncate(kDisplayChars);
        cut = true;
    }
    if (cut)
        text += QChar(0x2026);
    return text;
}

} // namespace

TableModel::TableModel(db::ConnectionRegistry *registry, QObject *parent)
    : QAbstractTableModel(parent)
    , m_registry(registry)
    , m_fetchTimer(new QTimer(this))
    , m_undo(new QUndoStack(this))
{
    // Zero-interval single shot: every data() call of one paint lands before
    // it fires, so a paint costs one round of requests, not one per cell.
    m_fetchTimer->setSingleShot(true);
    m_fetchTimer->setInterval(0);
    connect(m_fetchTimer, &QTimer::timeout, this, &TableModel::fetchRequested);
    // A row marked by a failed commit stops being marked once its staged
    // edits are undone: the mark would point at a change no longer asked for.
    connect(m_undo, &QUndoStack::indexChanged, this, [this] {
        const qsizetype before = m_markedKeys.size() + m_markedNewRows.size();
        m_markedKeys.removeIf([this](const QByteArray &id) { return !m_stage.touchesRow(id); });
        m_markedNewRows.removeIf([this](int id) { return m_stage.newRowIndex(id) < 0; });
        if (m_markedKeys.size() + m_markedNewRows.size() != before)
            emitAllChanged();
    });
}

TableModel::~TableModel()
{
    // Silent: the owning TableTab is half destroyed by now (its members are
    // gone), and a busyChanged from cancelAllJobs() would run its slots.
    blockSignals(true);
    cancelAllJobs();
}

void TableModel::setTable(const QString &connection, const data::TableShape &shape)
{
    beginResetModel();
    cancelAllJobs();
    ++m_generation;
    ++m_tableEpoch;
    m_connection = connection;
    m_shape = shape;
    m_browse = data::PageRequest{};
    QStringList names;
    for (const auto &column : shape.columns)
        names << column.name;
    m_stage.clear();
    m_stage.setColumns(names);
    m_undo->clear();
    m_markedKeys.clear();
    m_markedNewRows.clear();
    m_fullValues.clear();
    dropPages();
    m_rowCount = 0;
    m_countExact = false;
    m_committing = false;
    endResetModel();
    emit countChanged(0, false);
    startBrowse();
    updateBusy();
}

void TableModel::setBrowse(QList<data::Filter> filters, QString where, QList<data::SortKey> order)
{
    beginResetModel();
    cancelAllJobs();
    ++m_generation;
    m_browse.filters = std::move(filters);
    m_browse.where = std::move(where);
    m_browse.order = std::move(order);
    dropPages();
    m_rowCount = 0;
    m_countExact = false;
    endResetModel();
    emit countChanged(0, false);
    startBrowse();
    updateBusy();
}

void TableModel::setPageSize(int rows)
{
    beginResetModel();
    cancelAllJobs();
    ++m_generation;
    m_cache.setPageSize(rows);
    dropPages();
    endResetModel();
    if (!m_connection.isEmpty())
        fetchPage(0, false);
}

void TableModel::dropPages()
{
    m_cache.clear();
    m_exactPages.clear();
    m_failed.clear();
    m_retries.clear();
    m_minRows = 0;
    m_endSeen = false;
}

const data::ColumnInfo *TableModel::columnInfo(int column) const
{
    return column >= 0 && column < m_shape.columns.size() ? &m_shape.columns.at(column) : nullptr;
}

int TableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowCount) + m_stage.newRowCount();
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shape.columns.size());
}

const data::Row *TableModel::loadedRow(int row) const
{
    if (row < 0 || isNewRow(row))
        return nullptr;
    return m_cache.row(browseRow(row));
}

QVariant TableModel::rowKey(int row) const
{
    const data::Row *loaded = loadedRow(row);
    return loaded ? QVariant(loaded->key) : QVariant();
}

QVariant TableModel::cellValue(int row, int column, bool *staged, bool *isDefault, bool *truncated) const
{
    *staged = *isDefault = *truncated = false;
    if (isNewRow(row)) {
        const StagedCell &cell = m_stage.newRowAt(row).cells.at(column);
        *isDefault = cell.isDefault;
        *staged = true;
        return cell.value;
    }
    const data::Row *loaded = loadedRow(row);
    if (!loaded)
        return {};
    if (m_stage.updatedRowCount() > 0) {
        if (auto value = m_stage.stagedValue(loaded->key, column)) {
            *staged = true;
            return *value;
        }
    }
    if (!m_fullValues.isEmpty()) {
        const auto it = m_fullValues.constFind(EditStage::keyId(loaded->key));
        if (it != m_fullValues.cend() && it->contains(column))
            return it->value(column);
    }
    *truncated = column < loaded->truncated.size() && loaded->truncated.testBit(column);
    return loaded->values.value(column);
}

bool TableModel::isMarked(int row) const
{
    if (isNewRow(row))
        return m_markedNewRows.contains(m_stage.newRowAt(row).id);
    if (m_markedKeys.isEmpty())
        return false;
    const data::Row *loaded = loadedRow(row);
    return loaded && m_markedKeys.contains(EditStage::keyId(loaded->key));
}

bool TableModel::isCell(const QModelIndex &index) const
{
    // Not checkIndex(): views and the model tester ask about invalid indexes
    // on purpose, and checkIndex() warns about each.
    return index.isValid() && index.model() == this && !index.parent().isValid() && index.row() < rowCount()
        && index.column() < columnCount();
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool newRow = isNewRow(row);
    const data::Row *loaded = newRow ? nullptr : loadedRow(row);
    if (!newRow && !loaded) {
        const qint64 page = m_cache.pageOf(browseRow(row));
        if (!m_cache.contains(page))
            requestPage(page); // never blocks: the row fills in when its page lands
        switch (role) {
        case Qt::DisplayRole: return QString(QChar(0x2026));
        case Qt::ForegroundRole: return QBrush(QColor(0x9e, 0x9e, 0x9e));
        case IsLoadedRole: return false;
        case IsNullRole:
        case IsStagedRole:
        case IsTruncatedRole:
        case IsDefaultRole:
        case IsNewRowRole:
        case IsDeletedRole:
        case IsConflictRole: return false;
        case ColumnInfoRole: return QVariant::fromValue(m_shape.columns.at(column));
        default: return {};
        }
    }
    if (loaded)
        m_cache.touch(m_cache.pageOf(browseRow(row)));

    bool staged = false, isDefault = false, truncated = false;
    const QVariant value = cellValue(row, column, &staged, &isDefault, &truncated);
    const bool deleted = loaded && m_stage.deletionCount() > 0 && m_stage.isDeleted(loaded->key);
    const bool isNull = !isDefault && value.isNull();
    switch (role) {
    case Qt::DisplayRole:
        if (isDefault)
            return tr("DEFAULT");
        if (isNull)
            return QStringLiteral("NULL");
        return shortText(value, truncated);
    case Qt::EditRole:
        return isDefault ? QVariant() : value;
    case Qt::ToolTipRole:
        if (truncated)
            return tr("Shortened: open the cell to load the whole value.");
        return {};
    case Qt::ForegroundRole:
        if (isNull || isDefault)
            return QBrush(QColor(0x8a, 0x8a, 0x8a));
        return {};
    case Qt::FontRole:
        if (isNull || isDefault || deleted) {
            QFont font;
            font.setItalic(isNull || isDefault);
            font.setStrikeOut(deleted);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (isMarked(row))
            return QBrush(QColor(0xf8, 0xc9, 0xc4));   // the last commit failed here
        if (deleted)
            return QBrush(QColor(0xe6, 0xe0, 0xe0));
        if (newRow)
            return QBrush(QColor(0xd8, 0xf0, 0xd8));
        if (staged)
            return QBrush(QColor(0xff, 0xf0, 0xb3));
        return {};
    case Qt::TextAlignmentRole: {
        // Numbers line up on their last digit, as in every spreadsheet.
        const db::LogicalType type = m_shape.columns.at(column).logical;
        const bool numeric = type == db::LogicalType::Integer || type == db::LogicalType::BigInt
                             || type == db::LogicalType::Real || type == db::LogicalType::Numeric;
        return numeric && !isNull && !isDefault ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    case IsNullRole: return isNull;
    case IsLoadedRole: return true;
    case IsStagedRole: return staged || deleted;
    case IsTruncatedRole: return truncated;
    case ColumnInfoRole: return QVariant::fromValue(m_shape.columns.at(column));
    case IsDefaultRole: return isDefault;
    case IsNewRowRole: return newRow;
    case IsDeletedRole: return deleted;
    case IsConflictRole: return isMarked(row);
    default: return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_shape.columns.size())
            return {};
        const data::ColumnInfo &column = m_shape.columns.at(section);
        switch (role) {
        case Qt::DisplayRole: return column.name;
        case Qt::ToolTipRole: {
            QString tip = column.name + QLatin1String(": ") + column.nativeType;
            if (column.notNull)
                tip += QLatin1String(", ") + tr("not null");
            if (!column.defaultExpression.isEmpty())
                tip += QLatin1String(", ") + tr("default %1").arg(column.defaultExpression);
            if (!column.writable())
                tip += QLatin1String(", ") + tr("generated (read-only)");
            return tip;
        }
        case ColumnInfoRole: return QVariant::fromValue(column);
        default: return {};
        }
    }
    if (section < 0 || section >= rowCount())
        return {};
    if (role == Qt::DisplayRole) {
        if (isNewRow(section))
            return QStringLiteral("+");
        return QString::number(browseRow(section) + 1);
    }
    return {};
}

Qt::ItemFlags TableModel::flags(const QModelIndex &index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    // While a commit runs the stage is what is being written: edits made now
    // would be cleared with it on success.
    if (!m_shape.editable || m_committing || !m_shape.columns.at(index.column()).writable())
        return flags;
    const int row = index.row();
    if (isNewRow(row))
        return flags | Qt::ItemIsEditable;
    const data::Row *loaded = loadedRow(row);
    if (loaded && !(m_stage.deletionCount() > 0 && m_stage.isDeleted(loaded->key)))
        flags |= Qt::ItemIsEditable;
    return flags;
}

void TableModel::emitAllChanged()
{
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

} // namespace tw::ui
