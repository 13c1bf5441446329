using FishKit.WriteUp;

namespace FishKit.Notebooks.Tests;

/// <summary>Where notebooks find their data, the ground truth they show, and quick mode.</summary>
public class NotebookDataTests
{
    [Fact]
    public void The_shipped_sample_is_found_from_below_the_repository_with_its_burst_onsets()
    {
        Assert.Equal(Repo.File(NotebookData.SampleFolder), NotebookData.Folder);
        Assert.Equal(["train", "validation", "test"], NotebookData.Splits);
        var onsets = NotebookData.BurstOnsets("train");
        Assert.Equal(5, onsets.Length); // data-samples/README.md: 5 bursts with their onset in train/
        Assert.Equal([45, 146], onsets.Take(2)); // the first rows of train/truth-bursts.csv
    }

    [Fact]
    public void Fishkit_data_points_the_notebooks_elsewhere_and_a_missing_folder_is_a_clear_error()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp["test"]);
        try
        {
            Environment.SetEnvironmentVariable(NotebookMode.DataVariable, temp.Path);
            Assert.Equal(temp.Path, NotebookData.Folder);
            Assert.Equal(["test"], NotebookData.Splits);
            Assert.Empty(NotebookData.BurstOnsets("test")); // real footage has no ground truth
            Assert.Contains("has no train/ folder", Assert.Throws<FishKitException>(() => NotebookData.Split("train")).Message);
            Environment.SetEnvironmentVariable(NotebookMode.DataVariable, temp["missing"]);
            Assert.Contains("which does not exist", Assert.Throws<FishKitException>(() => NotebookData.Folder).Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookMode.DataVariable, null);
        }
    }

    [Fact]
    public void Fishkit_writeup_names_a_checked_clone_and_anything_wrong_with_it_is_one_line_naming_the_variable()
    {
        using var temp = new TempDir();
        try
        {
            Environment.SetEnvironmentVariable(NotebookMode.WriteUpVariable, null);
            Assert.Null(NotebookData.WriteUp);
            Assert.Equal(NotebookData.WriteUpHint, NotebookData.WriteUpLine(null));

            var clone = WriteUpFixtureClone.Make(temp["writeup"]);
            Environment.SetEnvironmentVariable(NotebookMode.WriteUpVariable, clone);
            Assert.True(Directory.Exists(NotebookData.WriteUp!.SampleImages));

            Directory.Delete(Path.Combine(clone, WriteUpClone.SampleImagesFolder), recursive: true);
            var missing = Assert.Throws<FishKitException>(() => NotebookData.WriteUp).Message;
            Assert.StartsWith($"FISHKIT_WRITEUP='{clone}': the clone has no 'sample training images/' folder;", missing);

            File.Delete(Path.Combine(clone, "targets", "test", "Y_pred.npy"));
            var damaged = Assert.Throws<FishKitException>(() => NotebookData.WriteUp).Message;
            Assert.StartsWith($"FISHKIT_WRITEUP='{clone}': '{Path.Combine(clone, "targets", "test", "Y_pred.npy")}' is missing;", damaged);
            Assert.DoesNotContain('\n', damaged + missing);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookMode.WriteUpVariable, null);
        }
    }

    [Fact]
    public void Quick_mode_chooses_the_short_value()
    {
        try
        {
            Environment.SetEnvironmentVariable(NotebookMode.QuickVariable, "1");
            Assert.Equal(2, NotebookMode.Choose(full: 8, quick: 2));
            Environment.SetEnvironmentVariable(NotebookMode.QuickVariable, "0");
            Assert.Equal(8, NotebookMode.Choose(full: 8, quick: 2));
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookMode.QuickVariable, null);
        }
    }
}
