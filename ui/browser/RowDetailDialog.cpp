#include "RowDetailDialog.h"

#include "HexText.h"
#include "TableModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

namespace tw::ui {

RowDetailDialog::RowDetailDialog(TableModel *model, int row, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_row(row)
{
    const data::TableShape &shape = model->shape();
    setWindowTitle(tr("Row %1 of %2").arg(row + 1).arg(shape.table.displayName()));
    setObjectName(QStringLiteral("rowDetail"));

    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    for (int column = 0; column < shape.columns.size(); ++column) {
        const data::ColumnInfo &info = shape.columns.at(column);
        const QModelIndex index = model->index(row, column);
        const QVariant value = index.data(Qt::EditRole);
        // Binary, JSON and cut-short values have their own editors in the
        // grid; here they are shown, not edited.
        const bool inline_ = info.logical != db::LogicalType::Bytes && info.logical != db::LogicalType::Json
                             && !index.data(TableModel::IsTruncatedRole).toBool();
        const bool editable = inline_ && (model->flags(index) & Qt::ItemIsEditable);

        Field field;
        field.column = column;
        field.edit = new QLineEdit;
        field.edit->setObjectName(QStringLiteral("field_%1").arg(info.name));
        field.edit->setText(value.typeId() == QMetaType::QByteArray ? hexPreview(value.toByteArray(), 64)
                                                                  : value.toString());
        field.edit->setReadOnly(!editable);
        field.null = new QCheckBox(tr("NULL"));
        field.null->setChecked(value.isNull());
        field.null->setEnabled(editable && !info.notNull);
        if (value.isNull())
            field.edit->setPlaceholderText(tr("NULL"));
        connect(field.null, &QCheckBox::toggled, field.edit, [edit = field.edit](bool isNull) {
            edit->setEnabled(!isNull);
        });
        field.edit->setEnabled(!value.isNull());

        auto *cell = new QWidget;
        auto *cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(field.edit, 1);
        cellLayout->addWidget(field.null);
        auto *label = new QLabel(QStringLiteral("%1 <span style='color:gray'>%2</span>")
                                     .arg(info.name.toHtmlEscaped(), info.nativeType.toHtmlEscaped()));
        layout->addRow(label, cell);
        m_fields << field;
    }
    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        applyEdits();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(scroll);
    outer->addWidget(buttons);
    resize(560, 600);
}

int RowDetailDialog::applyEdits()
{
    // Collected first: an untouched form must not leave an empty undo step.
    QList<QPair<QModelIndex, QVariant>> edits;
    for (const Field &field : std::as_const(m_fields)) {
        if (field.edit->isReadOnly())
            continue;
        const QModelIndex index = m_model->index(m_row, field.column);
        const QVariant before = index.data(Qt::EditRole);
        if (field.null->isChecked()) {
            if (!before.isNull())
                edits.append({index, QVariant()});
        } else if (before.isNull() || (field.edit->isModified() && field.edit->text() != before.toString())) {
            // A field switched from NULL to text (also empty text) is a value.
            edits.append({index, field.edit->text()});
        }
    }
    if (edits.isEmpty())
        return 0;
    int changed = 0;
    m_model->undoStack()->beginMacro(tr("Edit row %1").arg(m_row + 1));
    for (const auto &[index, value] : std::as_const(edits)) {
        if (m_model->setData(index, value, Qt::EditRole))
            ++changed;
    }
    m_model->undoStack()->endMacro();
    return changed;
}

} // namespace tw::ui
