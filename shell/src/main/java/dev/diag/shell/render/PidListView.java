package dev.diag.shell.render;

import dev.diag.protocol.result.PidList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code processes()}: the pids as Erlang prints a list of pids, {@code [<1>,<2>,...]}, wrapped to
 * the width, then what the node left out.
 */
public final class PidListView {
    private PidListView() {
    }

    public static List<String> render(PidList list, int width) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < list.pids().size(); i++) {
            text.append(i == 0 ? "" : ", ").append('<').append(list.pids().get(i)).append('>');
        }
        List<String> lines = new ArrayList<>(Wrap.words(text.append(']').toString(), Math.max(20, width)));
        if (list.leftOut() != null && list.leftOut() > 0) {
            lines.addAll(Wrap.words("… " + Units.count(list.leftOut()) + " more processes not sent: groups() "
                    + "summarizes them all, system_info(process_count) counts them", Math.max(20, width)));
        }
        if (list.note() != null) {
            lines.addAll(Wrap.words("note: " + list.note(), Math.max(20, width)));
        }
        return lines;
    }
}
