package io.vigil.console.people;

/**
 * Something wrong in a directory file, with the row it is on (1 = the header row, 0 = the file as a whole), so the
 * school can fix its export.
 */
public record DirectoryProblem(int row, String problem) {

    @Override
    public String toString() {
        return row == 0 ? problem : "row " + row + ": " + problem;
    }
}
