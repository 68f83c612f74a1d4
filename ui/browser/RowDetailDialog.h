#pragma once

#include <QDialog>
#include <QList>

class QCheckBox;
class QLineEdit;

namespace tw::ui {

class TableModel;

// One row as a form, for tables too wide for the grid: a field per column
// with its type, a NULL switch, and edits staged through the model (one undo
// step for the whole form).
class RowDetailDialog final : public QDialog
{
    Q_OBJECT
public:
    RowDetailDialog(TableModel *model, int row, QWidget *parent = nullptr);

    // Stages the changed fields; returns how many.
    int applyEdits();

private:
    struct Field
    {
        int column = 0;
        QLineEdit *edit = nullptr;
        QCheckBox *null = nullptr;
    };

    TableModel *m_model;
    int m_row;
    QList<Field> m_fields;
};

} // namespace tw::ui
