#include "CellDelegate.h"

#include "TableModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace tw::ui {

namespace {

const char *const kNullChoice = "NULL";

bool isDateText(const QVariant &value)
{
    return value.isNull() || QDate::fromString(value.toString(), Qt::ISODate).isValid();
}

} // namespace

CellDelegate::CellDelegate(TableModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{}

bool CellDelegate::wantsDialog(const QModelIndex &index) const
{
    const data::ColumnInfo &column = m_model->shape().columns.at(index.column());
    return column.logical == db::LogicalType::Json || column.logical == db::LogicalType::Bytes
           || index.data(TableModel::IsTruncatedRole).toBool();
}

QWidget *CellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.isValid() || wantsDialog(index))
        return nullptr;
    const data::ColumnInfo &column = m_model->shape().columns.at(index.column());
    if (column.logical == db::LogicalType::Boolean || !column.enumLabels.isEmpty()) {
        auto *combo = new QComboBox(parent);
        if (column.logical == db::LogicalType::Boolean)
            combo->addItems({QStringLiteral("true"), QStringLiteral("false")});
        else
            combo->addItems(column.enumLabels);
        if (!column.notNull)
            combo->addItem(QLatin1String(kNullChoice));
        return combo;
    }
    if (column.logical == db::LogicalType::Date && isDateText(index.data(Qt::EditRole))) {
        auto *date = new QDateEdit(parent);
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        return date;
    }
    auto *line = qobject_cast<QLineEdit *>(QStyledItemDelegate::createEditor(parent, option, index));
    if (!line)
        line = new QLineEdit(parent);
    // Loose checks that stop typos early; the server has the last word (NaN,
    // Infinity and exponents are numbers too).
    if (column.logical == db::LogicalType::Integer || column.logical == db::LogicalType::BigInt)
        line->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^\\s*[+-]?\\d*\\s*$")), line));
    else if (column.logical == db::LogicalType::Real || column.logical == db::LogicalType::Numeric)
        line->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("^\\s*([+-]?(\\d*\\.?\\d*([eE][+-]?\\d*)?|[Ii]nf(inity)?)|NaN)\\s*$")), line));
    return line;
}

void CellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        QString text;
        if (value.isNull())
            text = QLatin1String(kNullChoice);
        else if (value.typeId() == QMetaType::Bool)
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (m_model->shape().columns.at(index.column()).logical == db::LogicalType::Boolean)
            text = (value.toString() == QLatin1String("t") || value.toString() == QLatin1String("1")
                    || value.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                       ? QStringLiteral("true") : QStringLiteral("false");
        else
            text = value.toString();
        combo->setCurrentIndex(std::max(0, combo->findText(text)));
        return;
    }
    if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
        date->setDate(parsed.isValid() ? parsed : QDate::currentDate());
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value.toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QString text = combo->currentText();
        QVariant value;
        if (text != QLatin1String(kNullChoice)) {
            if (m_model->shape().columns.at(index.column()).logical == db::LogicalType::Boolean)
                value = text == QLatin1String("true");
            else
                value = text;
        }
        model->setData(index, value, Qt::EditRole);
        return;
    }
    if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        model->setData(index, date->date().toString(Qt::ISODate), Qt::EditRole);
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        // An emptied box is an empty string, never NULL: NULL is its own action.
        // Untouched (opened and left, also on a NULL cell): stage nothing.
        if (!line->isModified())
            return;
        model->setData(index, line->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace tw::ui
