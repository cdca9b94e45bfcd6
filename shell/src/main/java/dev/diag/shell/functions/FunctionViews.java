package dev.diag.shell.functions;

import static dev.diag.shell.functions.FunctionView.of;
import static dev.diag.shell.functions.FunctionView.read;
import static dev.diag.shell.functions.FunctionView.streamed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.node.NodeList;
import dev.diag.protocol.result.Atoms;
import dev.diag.protocol.result.ClassWhich;
import dev.diag.protocol.result.Deadlocks;
import dev.diag.protocol.result.FunctionList;
import dev.diag.protocol.result.GarbageCollect;
import dev.diag.protocol.result.HeapDumpSummary;
import dev.diag.protocol.result.HeapHistogram;
import dev.diag.protocol.result.HeartCommand;
import dev.diag.protocol.result.HeartStatus;
import dev.diag.protocol.result.JcmdCommands;
import dev.diag.protocol.result.JcmdOutput;
import dev.diag.protocol.result.JfrRecording;
import dev.diag.protocol.result.LevelChanges;
import dev.diag.protocol.result.LoggerLevels;
import dev.diag.protocol.result.Mailboxes;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.protocol.result.MemoryKind;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.NativeMemory;
import dev.diag.protocol.result.PidList;
import dev.diag.protocol.result.ProcCount;
import dev.diag.protocol.result.ProcWindow;
import dev.diag.protocol.result.ProcessCode;
import dev.diag.protocol.result.ProcessGroups;
import dev.diag.protocol.result.ProcessInfo;
import dev.diag.protocol.result.ProcessInfoItem;
import dev.diag.protocol.result.Stopped;
import dev.diag.protocol.result.UpgradeReport;
import dev.diag.protocol.result.WhyReport;
import dev.diag.shell.expr.Call;
import dev.diag.shell.render.AllLoadedView;
import dev.diag.shell.render.BacktracesView;
import dev.diag.shell.render.DeadlocksView;
import dev.diag.shell.render.FunctionListView;
import dev.diag.shell.render.GarbageCollectView;
import dev.diag.shell.render.GroupsView;
import dev.diag.shell.render.HeapDumpView;
import dev.diag.shell.render.HeapHistogramView;
import dev.diag.shell.render.HeartCommandView;
import dev.diag.shell.render.HeartStatusView;
import dev.diag.shell.render.IView;
import dev.diag.shell.render.JcmdView;
import dev.diag.shell.render.JfrView;
import dev.diag.shell.render.LoggerView;
import dev.diag.shell.render.MemoryAmountView;
import dev.diag.shell.render.MemoryView;
import dev.diag.shell.render.NativeMemoryView;
import dev.diag.shell.render.NodeListView;
import dev.diag.shell.render.PidListView;
import dev.diag.shell.render.ProcRankView;
import dev.diag.shell.render.ProcessCodeView;
import dev.diag.shell.render.ProcessInfoView;
import dev.diag.shell.render.ProcessItemView;
import dev.diag.shell.render.RegsView;
import dev.diag.shell.render.StatisticsView;
import dev.diag.shell.render.StoppedView;
import dev.diag.shell.render.SystemInfoView;
import dev.diag.shell.render.TopView;
import dev.diag.shell.render.UpgradeView;
import dev.diag.shell.render.WhichView;
import dev.diag.shell.render.WhyView;
import java.util.List;

/**
 * The view of each declared function's answer: a switch expression over the protocol's table, so
 * a function declared without a view does not compile. Everything else about a function (name,
 * arities, help, cost) comes from its declaration.
 */
final class FunctionViews {
    private FunctionViews() {
    }

    static FunctionView view(Declaration declaration) {
        return switch (declaration) {
            case WHY -> of(WhyReport.class, WhyView::render);
            case MEMORY -> of(FunctionViews::memory);
            case REGS -> of(Mailboxes.class, RegsView::render);
            case SYSTEM_INFO -> of((call, result, width) -> SystemInfoView.render(result, width));
            case STATISTICS -> of((call, result, width) -> StatisticsView.render(result, width));
            case PROCESSES -> of(PidList.class, PidListView::render);
            case I -> streamed(new IView(), read(ProcessInfo.class, ProcessInfoView::render));
            case PROCESS_INFO -> of((call, result, width) -> call.args().size() == 2
                    ? ProcessItemView.render(RecordReader.read(result, ProcessInfoItem.class), width)
                    : ProcessInfoView.render(RecordReader.read(result, ProcessInfo.class), width));
            case BACKTRACES -> streamed(new BacktracesView());
            case GROUPS -> of(ProcessGroups.class, GroupsView::render);
            case DEADLOCKS -> of(Deadlocks.class, DeadlocksView::render);
            case HEAP_HISTOGRAM -> of(HeapHistogram.class, HeapHistogramView::render);
            case GARBAGE_COLLECT -> of(GarbageCollect.class, GarbageCollectView::render);
            case HEAP_DUMP -> streamed(new HeapDumpView(), read(HeapDumpSummary.class, HeapDumpView::render));
            case JCMD -> of((call, result, width) -> call.args().isEmpty()
                    ? JcmdView.commands(RecordReader.read(result, JcmdCommands.class), width)
                    : JcmdView.output(RecordReader.read(result, JcmdOutput.class), width));
            case LOGGER -> of(LoggerLevels.class, LoggerView::levels);
            case SET_LEVEL, RESET -> of(LevelChanges.class, LoggerView::changes);
            case JFR_START, JFR_STOP -> of(JfrRecording.class, JfrView::render);
            case JFR_DUMP -> streamed(new HeapDumpView(), read(HeapDumpSummary.class, HeapDumpView::render));
            case PROC_COUNT -> of(ProcCount.class, ProcRankView::render);
            case PROC_WINDOW -> of(ProcWindow.class, ProcRankView::render);
            case TOP -> streamed(new TopView());
            case LOAD_FILE, L, LOAD_BINARY, CHECK_UPGRADE, ROLLBACK -> of(UpgradeReport.class, UpgradeView::render);
            case CHECK_PROCESS_CODE -> of(ProcessCode.class,
                    (code, width) -> ProcessCodeView.render(code, System.currentTimeMillis(), width));
            case WHICH -> of(ClassWhich.class, (which, width) -> WhichView.which(which, System.currentTimeMillis(), width));
            case IS_LOADED -> of(ClassWhich.class, (which, width) -> WhichView.isLoaded(which));
            case ALL_LOADED -> streamed(new AllLoadedView());
            case GET_CMD, SET_CMD, CLEAR_CMD -> of(HeartCommand.class, HeartCommandView::render);
            case STATUS -> of(HeartStatus.class, HeartStatusView::render);
            case NODES -> of(NodeList.class, NodeListView::render);
            case FUNCTIONS -> of(FunctionList.class, FunctionListView::render);
            case STOP -> of(Stopped.class, StoppedView::render);
        };
    }

    /** memory() is the whole report, memory(native) the NMT summary, memory(Kind) one figure: as asked. */
    private static List<String> memory(Call call, JsonNode result, int width) throws Exception {
        if (call.args().isEmpty()) {
            return MemoryView.render(RecordReader.read(result, MemoryReport.class), width);
        }
        boolean nativeMemory = Atoms.parse(MemoryKind.class, call.args().get(0).toJson().asText())
                .filter(kind -> kind == MemoryKind.NATIVE).isPresent();
        return nativeMemory ? NativeMemoryView.render(RecordReader.read(result, NativeMemory.class), width)
                : MemoryAmountView.render(RecordReader.read(result, MemoryAmount.class));
    }
}
