import sys,re
for p in sys.argv[1:]:
    s=open(p).read()
    drop='''            migrationBuilder.DropTable(
                name: "CustomerProfiles");

'''
    assert s.count(drop)==1
    s=s.replace(drop,'',1)
    up_end=s.index('        /// <inheritdoc />\n        protected override void Down')
    # insert before closing brace of Up
    close=s.rindex('        }\n',0,up_end)
    s=s[:close]+'''
            // Data step (SPEC J6): see CustomerProfileMove; keep these two calls when regenerating.
            CustomerService.Data.Customers.CustomerProfileMove.Up(migrationBuilder);
            migrationBuilder.DropTable(
                name: "CustomerProfiles");
'''+s[close:]
    dropc='''            migrationBuilder.DropTable(
                name: "Customers");

'''
    assert s.count(dropc)==1
    s=s.replace(dropc,'',1)
    end=s.rindex('        }\n    }\n}')
    s=s[:end]+'''
            CustomerService.Data.Customers.CustomerProfileMove.Down(migrationBuilder);
            migrationBuilder.DropTable(
                name: "Customers");
'''+s[end:]
    open(p,'w').write(s)
