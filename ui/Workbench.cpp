#include "Workbench.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QStackedWidget>
#include <QStatusBar>

namespace tw::ui {

Workbench::Workbench(QMainWindow *window, QStackedWidget *pages, db::ConnectionRegistry *registry)
    : QObject(window)
    , m_window(window)
    , m_stack(pages)
    , m_registry(registry)
{
}

QAction *Workbench::addAction(MenuGroup group, const QString &text, const QKeySequence &shortcut,
                              std::function<void()> trigger)
{
    QMenu *menu = m_menus.value(group);
    Q_ASSERT_X(menu, "Workbench::addAction", "menu group not created by the main window");
    QAction *action = menu->addAction(text);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, [trigger = std::move(trigger)] { trigger(); });
    return action;
}

void Workbench::refreshCurrentPage()
{
    if (QWidget *page = m_stack->currentWidget(); page && page->metaObject()->indexOfMethod("refresh()") >= 0)
        QMetaObject::invokeMethod(page, "refresh");
}

bool Workbench::mayClose() const
{
    for (const auto &guard : m_closeGuards) {
        if (!guard())
            return false;
    }
    return true;
}

void Workbench::addPage(PageId id, QWidget *page)
{
    m_pages.insert(id, page);
    m_stack->addWidget(page);
}

void Workbench::showPage(PageId id)
{
    if (QWidget *page = m_pages.value(id))
        m_stack->setCurrentWidget(page);
}

PageId Workbench::currentPage() const
{
    return m_pages.key(m_stack->currentWidget(), PageId::Start);
}

void Workbench::showStatus(const QString &text, int timeoutMs)
{
    m_window->statusBar()->showMessage(text, timeoutMs);
}

void Workbench::openConnection(const QString &name)
{
    m_connection = name;
    emit connectionOpened(name);
}

} // namespace tw::ui
