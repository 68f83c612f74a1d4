#include "BinaryValueDialog.h"

#include "HexText.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace tw::ui {

BinaryValueDialog::BinaryValueDialog(const QString &columnName, const QVariant &value, bool editable, QWidget *parent)
    : QDialog(parent)
    , m_value(value)
    , m_view(new QPlainTextEdit(this))
    , m_size(new QLabel(this))
{
    setWindowTitle(tr("Binary value: %1").arg(columnName));
    setObjectName(QStringLiteral("binaryValue"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *buttons = new QDialogButtonBox(editable ? QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                                  : QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("&Save to File…"), QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Value"));
        QString error;
        if (!path.isEmpty() && !saveTo(path, &error))
            QMessageBox::warning(this, tr("Save Value"), error);
    });
    if (editable) {
        QPushButton *load = buttons->addButton(tr("&Load from File…"), QDialogButtonBox::ActionRole);
        connect(load, &QPushButton::clicked, this, [this] {
            const QString path = QFileDialog::getOpenFileName(this, tr("Load Value"));
            QString error;
            if (!path.isEmpty() && !loadFrom(path, &error))
                QMessageBox::warning(this, tr("Load Value"), error);
        });
        QPushButton *null = buttons->addButton(tr("Set &NULL"), QDialogButtonBox::ActionRole);
        connect(null, &QPushButton::clicked, this, [this] {
            m_value = QVariant();
            m_changed = true;
            display(m_value);
        });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(m_size);
    layout->addWidget(buttons);
    resize(720, 480);
    display(m_value);
}

void BinaryValueDialog::display(const QVariant &value)
{
    if (value.isNull()) {
        m_view->setPlainText(tr("NULL"));
        m_size->setText(tr("NULL"));
        return;
    }
    const QByteArray bytes = value.toByteArray();
    m_view->setPlainText(hexDump(bytes));
    m_size->setText(tr("%1 bytes").arg(QLocale().toString(bytes.size())));
}

bool BinaryValueDialog::loadFrom(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    m_value = file.readAll();
    m_changed = true;
    display(m_value);
    return true;
}

bool BinaryValueDialog::saveTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_value.toByteArray()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace tw::ui
