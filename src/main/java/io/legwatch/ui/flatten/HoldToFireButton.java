package io.legwatch.ui.flatten;

import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A button that fires only after being held down for {@code hold}: a fill grows across it while
 * held, and letting go early resets it without firing. Meant for actions a stray click must never
 * trigger (the global kill switch).
 */
public final class HoldToFireButton extends StackPane {
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final Region fill = new Region();
    private final Label label;
    private final Timeline timeline;
    private Runnable onFire = () -> { };
    private boolean fired;

    public HoldToFireButton(String text, Duration hold) {
        getStyleClass().add("hold-to-fire");
        label = new Label(text, new FontIcon("mdmz-power_settings_new"));
        label.getStyleClass().add("hold-label");
        fill.getStyleClass().add("hold-fill");
        fill.setManaged(false);
        setAlignment(Pos.CENTER);
        getChildren().addAll(fill, label);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        clip.setArcWidth(8);
        clip.setArcHeight(8);
        setClip(clip);
        progress.addListener((obs, o, p) -> layoutFill());
        widthProperty().addListener((obs, o, w) -> layoutFill());
        heightProperty().addListener((obs, o, h) -> layoutFill());

        timeline = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(progress, 0)),
                new KeyFrame(hold, e -> fire(), new KeyValue(progress, 1)));
        setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !isDisabled()) {
                fired = false;
                timeline.playFromStart();
            }
        });
        setOnMouseReleased(e -> release());
        setOnMouseExited(e -> {
            if (!e.isPrimaryButtonDown()) {
                release();
            }
        });
        disabledProperty().addListener((obs, o, d) -> release());
    }

    private void layoutFill() {
        fill.resizeRelocate(0, 0, getWidth() * progress.get(), getHeight());
    }

    private void fire() {
        fired = true;
        onFire.run();
    }

    private void release() {
        timeline.stop();
        progress.set(0);
    }

    public void setOnFire(Runnable onFire) {
        this.onFire = onFire;
    }

    public void setText(String text) {
        label.setText(text);
    }

    /** 0 while idle, rising to 1 while held; 1 means it fired. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** True when the last press was held long enough to fire. */
    public boolean firedOnLastPress() {
        return fired;
    }
}
