package org.ssaeinspector.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the partitions of one scoring job that are done (each once, whatever Spark retries) and
 * their images, and tells the caller after each. Runs on Spark's listener thread.
 */
final class ProgressListener extends SparkListener {
    private final String jobGroup;
    private final int[] partitionSizes;
    private final long images;
    private final SparkScoring.Listener listener;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final boolean[] done;
    private int partitionsDone;
    private long imagesDone;

    ProgressListener(String jobGroup, int[] partitionSizes, SparkScoring.Listener listener) {
        this.jobGroup = jobGroup;
        this.partitionSizes = partitionSizes.clone();
        this.done = new boolean[partitionSizes.length];
        this.listener = listener;
        long n = 0;
        for (int s : partitionSizes) {
            n += s;
        }
        this.images = n;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        // Only the stages of this job (its group): a session shared with other work has other tasks.
        if (event.properties() != null && jobGroup.equals(event.properties().getProperty("spark.jobGroup.id"))
                && event.stageInfo().numTasks() == partitionSizes.length) {
            stages.add(event.stageInfo().stageId());
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        int index = event.taskInfo().index();
        if (!stages.contains(event.stageId()) || !event.taskInfo().successful() || index < 0 || index >= done.length
                || done[index]) {
            return;
        }
        done[index] = true;
        partitionsDone++;
        imagesDone += partitionSizes[index];
        listener.progress(partitionsDone, done.length, imagesDone, images);
    }
}
