#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace tw::ui {

// A long text value in a roomy editor (the grid shows it cut short).
class TextValueDialog final : public QDialog
{
    Q_OBJECT
public:
    TextValueDialog(const QString &columnName, const QString &text, bool editable, QWidget *parent = nullptr);
    QString text() const;

private:
    QPlainTextEdit *m_editor;
};

} // namespace tw::ui
