#include "TableShape.h"

namespace tw::data {

int TableShape::columnIndex(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == name)
            return i;
    }
    return -1;
}

const ColumnInfo *TableShape::column(const QString &name) const
{
    const int index = columnIndex(name);
    return index < 0 ? nullptr : &columns.at(index);
}

} // namespace tw::data
