package gongkai.environment.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.environment.AirQualityData;
import gongkai.environment.AirQualityData.AirImport;
import gongkai.environment.WaterQualityData;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.BackOfficeStep;
import gongkai.shared.InvalidInputProblem;

/**
 * The environment office's data desk (后台 → 环境数据): the daily air data uploaded as the XLSX or CSV a clerk keeps,
 * the template to fill, what is on file per month, and the monthly rankings the platform drafted for review. The
 * upload takes the same rules as {@code POST /api/v1/environment/air/daily}: all or nothing, every bad cell named.
 */
@Controller
class EnvironmentAdminController {

    private static final String PAGE = "/admin/environment";

    private final AirQualityData air;
    private final WaterQualityData water;
    private final AirRankingDrafts drafts;
    private final Regions regions;

    EnvironmentAdminController(AirQualityData air, WaterQualityData water, AirRankingDrafts drafts, Regions regions) {
        this.air = air;
        this.water = water;
        this.drafts = drafts;
        this.regions = regions;
    }

    @GetMapping(PAGE)
    String desk(Model model) {
        requireClerk();
        model.addAttribute("months", air.monthsOnFile(13));
        model.addAttribute("drafts", drafts.recent(12));
        model.addAttribute("sections", water.sections());
        model.addAttribute("sources", water.sources());
        model.addAttribute("quarters", water.quartersWithData().stream().limit(4).toList());
        model.addAttribute("drinkingMonths", water.monthsWithData().stream().limit(6).toList());
        model.addAttribute("counties", uploadable());
        return "environment/admin-environment";
    }

    @PostMapping(PAGE + "/water/samples")
    String uploadWater(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        Actor actor = requireClerk();
        return upload(file, redirect, "样品", (name, bytes) -> water.importSamples(name, bytes, actor));
    }

    @PostMapping(PAGE + "/drinking-water/samples")
    String uploadDrinking(@RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) {
        Actor actor = requireClerk();
        return upload(file, redirect, "样品", (name, bytes) -> water.importDrinkingSamples(name, bytes, actor));
    }

    @PostMapping(PAGE + "/water/sections")
    String addSection(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String waterBody,
            RedirectAttributes redirect) {
        Actor actor = requireClerk();
        return BackOfficeStep.run(PAGE + "#water-h", redirect,
                () -> water.addSection(code, name, regionCode, waterBody, actor), "已登记断面“" + name.strip() + "”。");
    }

    @PostMapping(PAGE + "/drinking-water/sources")
    String addSource(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String kind,
            RedirectAttributes redirect) {
        Actor actor = requireClerk();
        return BackOfficeStep.run(PAGE + "#drinking-h", redirect,
                () -> water.addSource(code, name, regionCode, kind, actor), "已登记水源地“" + name.strip() + "”。");
    }

    private String upload(MultipartFile file, RedirectAttributes redirect, String unit,
            java.util.function.BiFunction<String, byte[], Integer> step) {
        int[] n = {0};
        String page = BackOfficeStep.run(PAGE, redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputProblem("file", "请选择要导入的 XLSX 或 CSV 文件。");
            }
            try {
                n[0] = step.apply(fileName(file), file.getBytes());
            } catch (IOException e) {
                throw new InvalidInputProblem("file", "文件读取失败，请重新上传。");
            }
        }, null);
        if (n[0] > 0) {
            redirect.addFlashAttribute("notice", "已导入" + n[0] + "个" + unit + "。");
        }
        return page;
    }

    private List<Region> uploadable() {
        List<Region> out = new ArrayList<>();
        regions.all().stream().filter(r -> regions.isTop(r.code())).forEach(out::add);
        out.addAll(regions.countyLevel());
        return out;
    }

    @PostMapping(PAGE + "/air")
    String uploadAir(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        Actor actor = requireClerk();
        List<String> months = new ArrayList<>();
        String[] notice = {null};
        String page = BackOfficeStep.run(PAGE, redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputProblem("file", "请选择要导入的 XLSX 或 CSV 文件。");
            }
            AirImport done;
            try {
                done = air.importSheet(fileName(file), file.getBytes(), actor);
            } catch (IOException e) {
                throw new InvalidInputProblem("file", "文件读取失败，请重新上传。");
            }
            done.months().forEach(m -> months.add(m.toString()));
            notice[0] = "已导入" + done.rows() + "行（" + done.from() + "至" + done.to() + "）"
                    + (done.corrected() > 0 ? "，其中" + done.corrected() + "行替换了原有数据" : "") + "。";
        }, null);
        if (notice[0] != null) {
            redirect.addFlashAttribute("notice", notice[0]);
            redirect.addFlashAttribute("importedMonths", months);
        }
        return page;
    }

    @GetMapping(PAGE + "/air/template.xlsx")
    ResponseEntity<byte[]> template() {
        requireClerk();
        List<Region> uploadable = uploadable();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("空气质量日数据导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(AirImportTemplate.build(uploadable));
    }

    private Actor requireClerk() {
        Actor actor = Actor.require();
        if (!air.mayImport(actor)) {
            throw new AccessDeniedProblem("环境数据由生态环境部门的信息员导入。");
        }
        return actor;
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "上传的文件";
        }
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
