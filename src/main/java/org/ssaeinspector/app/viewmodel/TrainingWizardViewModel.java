package org.ssaeinspector.app.viewmodel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ImageSetChecker;
import org.ssaeinspector.app.service.ImageSetReport;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.service.TrainingOutcome;
import org.ssaeinspector.app.task.BackgroundJob;
import org.ssaeinspector.app.task.BackgroundRunner;
import org.ssaeinspector.app.task.Lane;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.PartKind;
import org.ssaeinspector.model.TrainingListener;
import org.ssaeinspector.model.TrainingProgress;
import org.ssaeinspector.model.TrainingSettings;

/**
 * The training wizard: (1) check the good images, (2) settings, (3) train with live progress and
 * a cancel that keeps the last good state, (4) the calibrated threshold, save and use.
 */
public final class TrainingWizardViewModel {
    /** Image sizes offered; all are multiples of 16 as the network needs. */
    public static final List<Integer> IMAGE_SIZES = List.of(64, 96, 128, 192, 256, 320, 384, 512);
    static final int MAX_LOSS_POINTS = 500;

    /** How training ends. */
    public enum StopRule { TIME, EPOCHS }

    /** Where the run stands. */
    public enum State { IDLE, RUNNING, DONE, CANCELLED, FAILED }

    private final Project project;
    private final EngineService engine;
    private final BackgroundRunner runner;
    private final List<Path> images;

    // Page 1
    private final ReadOnlyObjectWrapper<ImageSetReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyDoubleWrapper checkProgress = new ReadOnlyDoubleWrapper(this, "checkProgress");
    // Page 2
    private final IntegerProperty imageSize = new SimpleIntegerProperty(this, "imageSize");
    private final ObjectProperty<StopRule> stopRule = new SimpleObjectProperty<>(this, "stopRule", StopRule.TIME);
    private final IntegerProperty minutes = new SimpleIntegerProperty(this, "minutes");
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 50);
    private final ObjectProperty<PartKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObservableList<DeviceOption> devices = FXCollections.observableArrayList(DeviceOption.CPU);
    private final ObjectProperty<DeviceOption> device = new SimpleObjectProperty<>(this, "device", DeviceOption.CPU);
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final DoubleProperty targetFalseRejectPercent = new SimpleDoubleProperty(this, "targetFalseRejectPercent");
    // Page 3
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", -1);
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper(this, "elapsedText", "0:00");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ObservableList<LossPoint> lossPoints = FXCollections.observableArrayList();
    private long lossStride = 1;
    private boolean stepsSeen;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** The wizard was closed: nobody wants the model, so not even its calibration runs. */
    private final AtomicBoolean abandoned = new AtomicBoolean();
    // Page 4
    private final ReadOnlyObjectWrapper<TrainingOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyDoubleWrapper threshold = new ReadOnlyDoubleWrapper(this, "threshold", Double.NaN);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ObservableList<String> advice = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> savedFile = new ReadOnlyObjectWrapper<>(this, "savedFile");
    private final BooleanProperty applied = new SimpleBooleanProperty(this, "applied");

    /** Continue training the project's model (issue "Learning from the inspector's verdicts") instead of a new one. */
    private final BooleanProperty continueFromModel = new SimpleBooleanProperty(this, "continueFromModel");

    public TrainingWizardViewModel(Project project, EngineService engine, BackgroundRunner runner) {
        this.project = project;
        this.engine = engine;
        this.runner = runner;
        this.images = project.items(ImageSet.TRAINING).stream().map(ImageItem::path).toList();
        TrainingSettings d = TrainingSettings.defaults();
        imageSize.set(d.imageSize());
        minutes.set((int) Math.max(1, d.timeBudget().toMinutes()));
        kind.set(d.kind());
        seed.set(d.seed());
        targetFalseRejectPercent.set(d.targetFalseRejectRate() * 100);
    }

    // ---- Page 1: good images

    public List<Path> images() {
        return images;
    }

    /** Checks the good images on the IO lane. */
    public void check() {
        checking.set(true);
        BackgroundJob checkJob = runner.submit(Lane.IO, "Checking good images", ctx -> new ImageSetChecker().check(images, ctx::isCancelled,
                n -> ctx.updateProgress(n, images.size())), r -> {
                    report.set(r);
                    checking.set(false);
                }, e -> {
                    checking.set(false);
                    error.set("Checking the images failed: " + Messages.describe(e));
                });
        checkProgress.bind(checkJob.progressProperty());
    }

    /** The images are good enough to train on (at least two readable ones). */
    public BooleanBinding imagesUsableBinding() {
        return Bindings.createBooleanBinding(() -> report.get() != null && report.get().readable() >= 2, report);
    }

    // ---- Page 2: settings

    /** Asks the engine which GPUs it sees (engine lane; this also starts the engine early). */
    public void detectDevices() {
        runner.submit(Lane.ENGINE, "Detecting devices", ctx -> engine.gpuNames(), names -> {
            DeviceOption chosen = device.get();
            List<DeviceOption> options = new java.util.ArrayList<>(List.of(DeviceOption.CPU));
            for (String n : names) {
                options.add(new DeviceOption(n, org.ssaeinspector.model.DeviceChoice.GPU));
            }
            devices.setAll(options);
            device.set(options.contains(chosen) ? chosen : DeviceOption.CPU);
        }, e -> {
            devices.setAll(DeviceOption.CPU);
            device.set(DeviceOption.CPU);
        });
    }

    /** The settings as chosen; throws IllegalArgumentException with a readable message if invalid. */
    public TrainingSettings settings() {
        TrainingSettings s = TrainingSettings.defaults()
                .withImageSize(imageSize.get())
                .withKind(kind.get())
                .withSeed(seed.get())
                .withDevice(device.get() == null ? DeviceOption.CPU.choice() : device.get().choice())
                .withTargetFalseRejectRate(targetFalseRejectPercent.get() / 100.0);
        return stopRule.get() == StopRule.TIME
                ? s.withTimeBudget(Duration.ofMinutes(Math.max(1, minutes.get())))
                : s.withEpochs(epochs.get());
    }

    /** Why the settings are invalid, or null when they are fine. */
    public StringBinding settingsProblemBinding() {
        return Bindings.createStringBinding(() -> {
            try {
                settings();
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }, imageSize, stopRule, minutes, epochs, kind, seed, device, targetFalseRejectPercent);
    }

    /** Whether the project has a model that a training could continue. */
    public boolean canContinue() {
        return project.model() != null;
    }

    public BooleanProperty continueFromModelProperty() {
        return continueFromModel;
    }

    /**
     * A continued training learns from the good training images (so it does not forget the
     * old parts) and the test images the inspector labelled good by hand (the new ones).
     */
    public List<Path> imagesForContinuing() {
        List<Path> all = new java.util.ArrayList<>(images);
        project.confirmedGood().stream().filter(p -> !all.contains(p)).forEach(all::add);
        return all;
    }

    // ---- Page 3: training

    public void start() {
        if (state.get() == State.RUNNING) {
            return;
        }
        TrainingSettings settings = settings();
        state.set(State.RUNNING);
        error.set(null);
        advice.clear();
        lossPoints.clear();
        lossStride = 1;
        stepsSeen = false;
        fraction.set(-1);
        phase.set("Starting");
        stopRequested.set(false);
        abandoned.set(false);
        ModelHandle from = continueFromModel.get() ? project.model() : null;
        Path fromFile = project.modelFileProperty().get();
        List<Path> furtherImages = from == null ? images : imagesForContinuing();
        runner.submit(Lane.ENGINE, "Training", ctx -> {
            AtomicReference<TrainingProgress> latest = new AtomicReference<>();
            ConcurrentLinkedQueue<LossPoint> newPoints = new ConcurrentLinkedQueue<>();
            AtomicBoolean scheduled = new AtomicBoolean();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onProgress(TrainingProgress p) {
                    leaveIfAbandoned();
                    latest.set(p);
                    newPoints.add(new LossPoint(p.step(), p.avgLoss()));
                    ctx.updateProgress(p.fraction(), 1);
                    // One UI update in flight at a time: a fast trainer cannot flood the UI thread.
                    if (!scheduled.getAndSet(true)) {
                        ctx.ui(() -> {
                            scheduled.set(false);
                            showProgress(latest.get(), newPoints);
                        });
                    }
                }

                @Override
                public void onMessage(String message) {
                    leaveIfAbandoned();
                    ctx.ui(() -> phase.set(message));
                }

                /** The trainer reports between steps and before calibrating: the place to leave. */
                private void leaveIfAbandoned() {
                    if (abandoned.get()) {
                        ctx.updateMessage("Stopping the training");
                        throw new CancellationException("The wizard was closed during training.");
                    }
                }
            };
            BooleanSupplier stop = () -> stopRequested.get() || ctx.isCancelled();
            return from == null ? engine.train(images, settings, listener, stop)
                    : engine.trainFurther(from, fromFile, furtherImages, settings, listener, stop);
        }, this::finished, e -> {
            if (e instanceof CancellationException) {
                state.set(State.CANCELLED);
                phase.set(abandoned.get() ? "Stopped: the wizard was closed, nothing was kept."
                        : "Stopped before the first step: no model.");
            } else {
                state.set(State.FAILED);
                error.set("Training failed: " + Messages.describe(e));
                phase.set(error.get());
            }
        });
    }

    private void showProgress(TrainingProgress p, ConcurrentLinkedQueue<LossPoint> newPoints) {
        for (LossPoint lp; (lp = newPoints.poll()) != null; ) {
            if (lp.step() % lossStride == 0 && Double.isFinite(lp.loss())) {
                lossPoints.add(lp);
            }
        }
        if (lossPoints.size() > MAX_LOSS_POINTS) {
            // Halve the resolution: keep every other point and sample half as often from now on.
            List<LossPoint> kept = new java.util.ArrayList<>(lossPoints.size() / 2 + 1);
            for (int i = 0; i < lossPoints.size(); i += 2) {
                kept.add(lossPoints.get(i));
            }
            lossPoints.setAll(kept);
            lossStride *= 2;
        }
        if (p == null) {
            return;
        }
        if (!stepsSeen) {
            stepsSeen = true;
            phase.set("Training");
        }
        fraction.set(p.fraction());
        elapsedText.set(Format.duration(p.elapsed()));
        etaText.set(p.eta() == null ? "" : Format.duration(p.eta()));
        stepText.set(String.format(java.util.Locale.ROOT, "Step %d, epoch %d, loss %.5f", p.step(), p.epoch(),
                p.avgLoss()));
    }

    private void finished(TrainingOutcome o) {
        ModelHeader h = o.model().header();
        List<String> found = new ArrayList<>(TrainingAdvice.of(h, lossPoints));
        found.addAll(o.notes());
        advice.setAll(found);
        outcome.set(o);
        threshold.set(h.threshold());
        fraction.set(1);
        state.set(State.DONE);
        phase.set(o.summary().cancelled()
                ? "Stopped early after " + o.summary().steps() + " steps: the model is the last good state."
                : "Finished: " + o.summary().steps() + " steps in " + Format.duration(
                        Duration.ofMillis((long) (o.summary().seconds() * 1000))) + ".");
    }

    /** Stops the training at its next step; the model so far is kept and calibrated. */
    public void cancel() {
        if (state.get() == State.RUNNING) {
            stopRequested.set(true);
            phase.set("Stopping after the current step...");
        }
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    // ---- Page 4: result

    /** Moves the threshold to another false-reject rate on the held-out good images (the training's rule). */
    public void retarget(double percent) {
        TrainingOutcome o = outcome.get();
        if (o == null || o.model().header().heldOutScores().isEmpty()) {
            return;
        }
        threshold.set(o.model().header().thresholdFor(percent / 100.0));
    }

    /** Saves the trained model (engine lane), then reports on the UI thread. */
    public void save(Path file, Consumer<String> onError) {
        TrainingOutcome o = outcome.get();
        if (o == null) {
            return;
        }
        double t = threshold.get();
        runner.submit(Lane.ENGINE, "Saving model", ctx -> {
            engine.saveModel(o.model(), file, t);
            return file;
        }, f -> {
            savedFile.set(f);
            if (applied.get()) {
                project.modelFileProperty().set(f);
            }
        }, e -> onError.accept("Could not save the model: " + Messages.describe(e)));
    }

    /** Makes the trained model the project's model, with the threshold chosen here. */
    public void apply() {
        TrainingOutcome o = outcome.get();
        if (o == null || applied.get()) {
            return;
        }
        ModelHandle old = project.model();
        project.setModel(o.model(), savedFile.get(), threshold.get());
        applied.set(true);
        closeLater(old);
    }

    /**
     * Frees the trained model when the wizard is left without using it. A training still running
     * ends at its next step, without calibrating (a model that finished just then is freed).
     */
    public void discard() {
        if (isRunning()) {
            abandoned.set(true);
            stopRequested.set(true);
            state.addListener((obs, was, now) -> {
                if (now == State.DONE) {
                    closeLater(outcome.get().model());
                }
            });
            return;
        }
        TrainingOutcome o = outcome.get();
        if (o != null && !applied.get()) {
            closeLater(o.model());
        }
    }

    private void closeLater(ModelHandle m) {
        if (m != null) {
            runner.submit(Lane.ENGINE, "Closing model", ctx -> {
                m.close();
                return null;
            }, r -> { }, e -> { });
        }
    }

    // ---- properties

    public ReadOnlyObjectProperty<ImageSetReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty checkProgressProperty() {
        return checkProgress.getReadOnlyProperty();
    }

    public IntegerProperty imageSizeProperty() {
        return imageSize;
    }

    public ObjectProperty<StopRule> stopRuleProperty() {
        return stopRule;
    }

    public IntegerProperty minutesProperty() {
        return minutes;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public ObjectProperty<PartKind> kindProperty() {
        return kind;
    }

    public ObservableList<DeviceOption> devices() {
        return devices;
    }

    public ObjectProperty<DeviceOption> deviceProperty() {
        return device;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public DoubleProperty targetFalseRejectPercentProperty() {
        return targetFalseRejectPercent;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ObservableList<LossPoint> lossPoints() {
        return lossPoints;
    }

    public ReadOnlyObjectProperty<TrainingOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    /** What may be wrong with the finished model and what to do ({@link TrainingAdvice}). */
    public ObservableList<String> advice() {
        return advice;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> savedFileProperty() {
        return savedFile.getReadOnlyProperty();
    }

    public BooleanProperty appliedProperty() {
        return applied;
    }
}
