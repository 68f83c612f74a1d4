#include "ApiFeature.h"

#include "ApiPanel.h"
#include "Workbench.h"
#include "http/ApiServer.h"

namespace tw::ui {

void ApiFeature::install(Workbench &bench)
{
    auto *panel = new ApiPanel(&bench.registry(), bench.config());
    bench.addPage(PageId::Api, panel);
    bench.addAction(MenuGroup::View, tr("&API Server"), QKeySequence(Qt::CTRL | Qt::Key_3),
                    [&bench] { bench.showPage(PageId::Api); });
    QObject::connect(panel, &ApiPanel::stateChanged, &bench, [&bench, panel](ApiPanel::State state) {
        if (state == ApiPanel::State::Running)
            bench.showStatus(tr("API server listening on %1").arg(panel->server()->baseUrl().toString()), 5000);
        else if (state == ApiPanel::State::Stopped)
            bench.showStatus(tr("API server stopped"), 5000);
    });
    // Runs after the other guards (installed last), so a window that stays
    // open because of unsaved edits keeps its server too.
    bench.addCloseGuard([panel] {
        panel->stopAndWait(kCloseGraceMs);
        return true;
    });
}

QUrl ApiFeature::runningBaseUrl(const Workbench &bench)
{
    const auto *panel = qobject_cast<const ApiPanel *>(bench.page(PageId::Api));
    if (!panel || panel->state() != ApiPanel::State::Running || !panel->server())
        return {};
    return panel->server()->baseUrl();
}

} // namespace tw::ui
