#include "EditStage.h"

#include <QDataStream>
#include <QIODevice>

namespace tw::ui {

bool StagedCell::operator==(const StagedCell &other) const
{
    if (isDefault || other.isDefault)
        return isDefault == other.isDefault;
    return EditStage::sameValue(value, other.value);
}

void EditStage::setColumns(const QStringList &names)
{
    if (names == m_columns)
        return;
    clear();
    m_columns = names;
}

bool EditStage::sameValue(const QVariant &a, const QVariant &b)
{
    // QVariant(QString()) == a null QVariant in some comparisons; for us NULL
    // and '' are different values.
    if (a.isNull() || b.isNull())
        return a.isNull() && b.isNull();
    if (a.typeId() == b.typeId())
        return a == b;
    // Loaded as text (PostgreSQL) or as a number (SQLite), typed as text by
    // an editor: equal when both print the same.
    return a.toString() == b.toString() && !a.toString().isEmpty();
}

QByteArray EditStage::keyId(const QVariantList &key)
{
    // The exact bytes of the values and their types: two keys are the same
    // row exactly when they serialise the same.
    QByteArray id;
    QDataStream out(&id, QIODevice::WriteOnly);
    out << key;
    return id;
}

void EditStage::setCell(const QVariantList &key, const QVariant &version, int column, const QVariant &loaded,
                        const QVariant &value)
{
    const QByteArray id = keyId(key);
    if (sameValue(loaded, value)) {
        unsetCell(key, column);
        return;
    }
    auto it = m_updates.find(id);
    if (it == m_updates.end()) {
        it = m_updates.insert(id, RowEdit{key, version, {}});
        m_updateOrder.append(id);
    }
    it->cells.insert(column, CellEdit{loaded, value});
}

void EditStage::unsetCell(const QVariantList &key, int column)
{
    const QByteArray id = keyId(key);
    const auto it = m_updates.find(id);
    if (it == m_updates.end())
        return;
    it->cells.remove(column);
    if (it->cells.isEmpty()) {
        m_updates.erase(it);
        m_updateOrder.removeOne(id);
    }
}

std::optional<QVariant> EditStage::stagedValue(const QVariantList &key, int column) const
{
    const auto it = m_updates.constFind(keyId(key));
    if (it == m_updates.cend())
        return std::nullopt;
    const auto cell = it->cells.constFind(column);
    if (cell == it->cells.cend())
        return std::nullopt;
    return cell->value;
}

bool EditStage::hasRowEdits(const QVariantList &key) const
{
    return m_updates.contains(keyId(key));
}

int EditStage::updatedCellCount() const
{
    int count = 0;
    for (const RowEdit &row : m_updates)
        count += int(row.cells.size());
    return count;
}

void EditStage::stageDeletion(const QVariantList &key, const QVariant &version)
{
    const QByteArray id = keyId(key);
    if (m_deletions.contains(id))
        return;
    m_deletions.insert(id, Deletion{key, version});
    m_deletionOrder.append(id);
}

void EditStage::unstageDeletion(const QVariantList &key)
{
    const QByteArray id = keyId(key);
    if (m_deletions.remove(id))
        m_deletionOrder.removeOne(id);
}

bool EditStage::isDeleted(const QVariantList &key) const
{
    return m_deletions.contains(keyId(key));
}

int EditStage::addNewRow(int index)
{
    NewRow row;
    row.id = m_nextId++;
    row.cells.resize(m_columns.size());
    if (index < 0 || index > m_newRows.size())
        index = int(m_newRows.size());
    m_newRows.insert(index, row);
    return row.id;
}

void EditStage::restoreNewRow(int index, const NewRow &row)
{
    if (index < 0 || index > m_newRows.size())
        index = int(m_newRows.size());
    m_newRows.insert(index, row);
    m_nextId = std::max(m_nextId, row.id + 1);
}

std::optional<EditStage::NewRow> EditStage::removeNewRow(int id)
{
    const int index = newRowIndex(id);
    if (index < 0)
        return std::nullopt;
    return m_newRows.takeAt(index);
}

int EditStage::newRowIndex(int id) const
{
    for (int i = 0; i < m_newRows.size(); ++i) {
        if (m_newRows.at(i).id == id)
            return i;
    }
    return -1;
}

bool EditStage::setNewRowCell(int id, int column, const StagedCell &cell)
{
    const int index = newRowIndex(id);
    if (index < 0 || column < 0 || column >= m_newRows.at(index).cells.size())
        return false;
    m_newRows[index].cells[column] = cell;
    return true;
}

bool EditStage::isEmpty() const
{
    return m_updates.isEmpty() && m_deletions.isEmpty() && m_newRows.isEmpty();
}

void EditStage::clear()
{
    m_updates.clear();
    m_updateOrder.clear();
    m_deletions.clear();
    m_deletionOrder.clear();
    m_newRows.clear();
    m_tags.clear();
}

data::ChangeSet EditStage::toChangeSet()
{
    using Kind = data::RowChange::Kind;
    data::ChangeSet set;
    m_tags.clear();
    int tag = 0;
    // Updates and deletions first, in the order they were staged, then the
    // inserts: a new row may reuse a unique value that a deleted or updated
    // row gives up.
    for (const QByteArray &id : std::as_const(m_updateOrder)) {
        if (m_deletions.contains(id))
            continue;
        const RowEdit &edit = m_updates.value(id);
        data::RowChange change;
        change.kind = Kind::Update;
        change.key = edit.key;
        change.version = edit.version;
        for (auto it = edit.cells.cbegin(); it != edit.cells.cend(); ++it)
            change.cells.append({m_columns.value(it.key()), it->value});
        change.tag = ++tag;
        m_tags.insert(tag, Target{Kind::Update, edit.key, 0});
        set.changes.append(change);
    }
    for (const QByteArray &id : std::as_const(m_deletionOrder)) {
        const Deletion &deletion = m_deletions.value(id);
        data::RowChange change;
        change.kind = Kind::Delete;
        change.key = deletion.key;
        change.version = deletion.version;
        change.tag = ++tag;
        m_tags.insert(tag, Target{Kind::Delete, deletion.key, 0});
        set.changes.append(change);
    }
    for (const NewRow &row : std::as_const(m_newRows)) {
        data::RowChange change;
        change.kind = Kind::Insert;
        for (int c = 0; c < row.cells.size(); ++c) {
            if (!row.cells.at(c).isDefault)
                change.cells.append({m_columns.value(c), row.cells.at(c).value});
        }
        change.tag = ++tag;
        m_tags.insert(tag, Target{Kind::Insert, {}, row.id});
        set.changes.append(change);
    }
    return set;
}

std::optional<EditStage::Target> EditStage::targetOfTag(int tag) const
{
    const auto it = m_tags.constFind(tag);
    if (it == m_tags.cend())
        return std::nullopt;
    return *it;
}

} // namespace tw::ui
