#1793514720
ssh db-restore-1
#1793514790
tail -n 20 /var/log/mysql/restore.log
#1793515260
du -sh /var/lib/mysql
#1793517300
mysqlbinlog --start-datetime="2026-10-30 22:08:00" binlog.000412 | head -n 40
#1793519520
systemctl status mysql-restore
#1793520300
du -sh /var/lib/mysql
#1793522400
mysql -e "SELECT COUNT(*) FROM orders WHERE created_at > '2026-10-30 22:00'"
#1793524200
checksum-tables --host db-restore-1 --against db-cloud-1 orders payments
#1793526900
exit
