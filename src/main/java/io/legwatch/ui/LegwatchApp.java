package io.legwatch.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class LegwatchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Legwatch");
        stage.setScene(new Scene(new Label("Legwatch"), 1200, 700));
        stage.show();
    }
}
