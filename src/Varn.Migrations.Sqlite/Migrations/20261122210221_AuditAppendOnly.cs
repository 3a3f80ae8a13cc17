using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varn.Migrations.Sqlite.Migrations
{
    /// <summary>The audit log is append-only in the database too; the hash chain catches whoever gets past this.</summary>
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_no_update BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_no_delete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_no_delete;");
        }
    }
}
