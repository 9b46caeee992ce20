package io.legwatch.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Error dialogs: a message the trader can read, the details (stack trace) expandable and copyable. */
public final class ErrorDialogs {
    private static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    private ErrorDialogs() {
    }

    /** Builds (does not show) an error dialog for {@code error}. */
    public static Alert create(Window owner, String header, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Legwatch error");
        alert.setHeaderText(header);
        alert.setContentText(message(error));
        alert.getDialogPane().setId("error-dialog");
        io.legwatch.ui.Css.apply(alert.getDialogPane());
        String details = stackTrace(error);
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(16);
        area.setPrefColumnCount(100);
        area.getStyleClass().add("error-details");
        alert.getDialogPane().setExpandableContent(area);
        alert.getDialogPane().getButtonTypes().setAll(COPY, ButtonType.CLOSE);
        Button copy = (Button) alert.getDialogPane().lookupButton(COPY);
        copy.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(header + "\n" + details);
            Clipboard.getSystemClipboard().setContent(content);
            e.consume(); // keep the dialog open
        });
        return alert;
    }

    /** The innermost useful message, never empty. */
    public static String message(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
