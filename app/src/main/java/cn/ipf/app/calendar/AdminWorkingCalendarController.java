package cn.ipf.app.calendar;

import cn.ipf.api.model.CalendarDay;
import cn.ipf.api.model.CalendarDayKind;
import cn.ipf.api.model.WorkingCalendarTable;
import cn.ipf.api.model.WorkingCalendarYear;
import cn.ipf.api.server.AdminWorkingCalendarApi;
import cn.ipf.app.calendar.policy.DayKind;
import cn.ipf.app.shared.web.ApiTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminWorkingCalendarController implements AdminWorkingCalendarApi {

    private final WorkingCalendar calendar;

    AdminWorkingCalendarController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public ResponseEntity<List<WorkingCalendarYear>> listWorkingCalendarYears() {
        return ResponseEntity.ok(calendar.years().stream().map(AdminWorkingCalendarController::view).toList());
    }

    @Override
    public ResponseEntity<WorkingCalendarYear> getWorkingCalendarYear(Integer year) {
        return ResponseEntity.ok(view(calendar.year(year)));
    }

    @Override
    public ResponseEntity<WorkingCalendarYear> replaceWorkingCalendarYear(Integer year, WorkingCalendarTable table,
            String idempotencyKey) {
        List<CalendarDayRow> days = table.getDays().stream().map(d -> new CalendarDayRow(d.getDate(),
                DayKind.valueOf(d.getKind().getValue()), d.getName())).toList();
        return ResponseEntity.ok(view(calendar.replace(year, table.getSource(), days)));
    }

    private static WorkingCalendarYear view(WorkingCalendar.Year y) {
        return new WorkingCalendarYear().year(y.year().year()).source(y.year().source())
                .updatedAt(ApiTime.utc(y.year().updatedAt()))
                .days(y.days().stream().map(d -> new CalendarDay().date(d.day())
                        .kind(CalendarDayKind.fromValue(d.kind().name())).name(d.name())).toList());
    }
}
