package dev.diag.shell.render;

import dev.diag.protocol.result.PidList;
import java.util.List;

/** {@code processes()}: the pids as Erlang prints a list of pids, {@code [<1>,<2>,...]}, wrapped to the width. */
public final class PidListView {
    private PidListView() {
    }

    public static List<String> render(PidList list, int width) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < list.pids().size(); i++) {
            text.append(i == 0 ? "" : ", ").append('<').append(list.pids().get(i)).append('>');
        }
        return Wrap.words(text.append(']').toString(), Math.max(20, width));
    }
}
